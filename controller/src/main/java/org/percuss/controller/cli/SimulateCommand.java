package org.percuss.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.YamlReader;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.record.Recorder;
import org.percuss.controller.scenario.ScenarioReader;
import org.percuss.controller.scenario.ScenarioRunner;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.Transport;
import org.percuss.simulator.scenario.Outcome;
import org.percuss.simulator.scenario.RunPlot;
import org.percuss.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code percuss simulate}: runs scenario files against the real controller on the simulated gun,
 * in virtual time, and says for each expectation whether it held.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run scenario files (docs/scenarios.md) in virtual time, as fast as possible, against the real "
            + "controller on the simulated gun; print one line per expectation and invariant.",
        exitCodeListHeading = "%nExit codes:%n")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files (YAML).")
    private List<Path> files;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for every random source, instead of the file's.")
    private Long seed;

    @Option(names = "--trace", paramLabel = "FILE.csv",
            description = "Write one CSV row per control tick (with several scenarios: FILE-<scenario>.csv).")
    private Path trace;

    @Mixin
    private ConfigMixin config;

    @Option(names = "--transport", paramLabel = "direct|serial|gpio", converter = TransportConverter.class,
            description = "How the controller reaches the simulated gun: direct (the simulated board, in process), serial "
                    + "(the real serial driver over a simulated 115200-baud wire) or gpio (the real Raspberry Pi driver on "
                    + "mock pins). Default: the file's transport, else direct.")
    private Transport transport;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Draw speeds, current, temperature, states and faults (with several: FILE-<scenario>.png); "
                    + "for a campaign, the histograms of its closest approaches to the limits.")
    private Path plot;

    @Option(names = "--record", paramLabel = "FILE.rec",
            description = "Record every tick's inputs and decisions for percuss replay (with several scenarios: FILE-<scenario>.rec).")
    private Path record;

    @Mixin
    private CampaignOptions campaign;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulateCampaign.checkOptions(spec, campaign, seed, trace, record);
        PercussConfig config = this.config.load(err);
        if (config == null) {
            return ExitCode.USAGE.code();
        }
        org.percuss.controller.campaign.SweepPoint point = SimulateCampaign.points(spec, campaign).get(0);
        List<Scenario> scenarios = new ArrayList<>();
        List<YamlReader.Problem> problems = new ArrayList<>();
        for (Path file : files) {
            ScenarioReader.Result r = ScenarioReader.read(file, config);
            problems.addAll(r.problems());
            if (r.ok()) {
                Scenario s = campaign.campaign() ? r.scenario() : point.apply(seed == null ? r.scenario() : r.scenario().withSeed(seed));
                scenarios.add(transport == null ? s : s.withTransport(transport));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p));
            err.flush();
            return ExitCode.USAGE.code();
        }
        if (campaign.campaign()) {
            return new SimulateCampaign(spec, campaign).run(files, scenarios, config, this.config.file(), transport, plot);
        }
        // every output is checked before anything is simulated (exit 2 naming the file)
        List<String> stems = stems(files);
        List<OutputFile> traces = outputs("--trace", trace, stems);
        List<OutputFile> plots = outputs("--plot", plot, stems);
        List<OutputFile> records = outputs("--record", record, stems);
        List<OutputFile> all = new ArrayList<>(traces);
        all.addAll(plots);
        all.addAll(records);
        for (int i = 0; i < all.size(); i++) {
            OutputFile o = all.get(i);
            for (int j = 0; j < i; j++) {
                o.notSameAs(all.get(j).option(), all.get(j).path());
            }
            o.notSameAs("--config", this.config.file());
            for (Path f : files) {
                o.notSameAs("a scenario file", f);
            }
        }
        List<FileProblem> failures = new ArrayList<>();
        boolean allPassed = true;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Path file = files.get(i);
            out.println(file + ": " + s.name());
            ScenarioRunner.Result result;
            TraceOutput traceOutput = null;
            if (trace != null) {
                try {
                    traceOutput = TraceOutput.open(traces.get(i), Ticker.system());
                } catch (FileProblem e) {
                    failures.add(e);
                }
            }
            Recorder recorder = null;
            if (record != null) {
                try {
                    recorder = Recorder.open(records.get(i), Ticker.system(), EpochClock.system(),
                            spec.commandLine().getParseResult().originalArgs(), false);
                } catch (FileProblem e) {
                    failures.add(e);
                }
            }
            try (TraceOutput t = traceOutput; Recorder r = recorder) {
                result = run(s, config, t, r, plot != null, failures);
                if (t != null) {
                    try {
                        t.finish();
                    } catch (FileProblem e) {
                        failures.add(e);
                    }
                }
                if (r != null) {
                    try {
                        r.finish();
                    } catch (FileProblem e) {
                        if (failures.stream().noneMatch(f -> f.getMessage().equals(e.getMessage()))) {
                            failures.add(e);
                        }
                    }
                }
            }
            for (Outcome o : result.outcomes()) {
                out.println("  " + o + (o.line() > 0 ? "  [" + file + ":" + o.line() + "]" : ""));
            }
            if (plot != null) {
                try {
                    plots.get(i).write(png -> RunPlot.write(png, s.name() + " (seed " + s.seed() + ")", result.record(),
                            result.markers(), ScenarioRunner.temperatureLines(config.safety().thermal()),
                            config.levels().highestPpm()));
                } catch (FileProblem e) {
                    failures.add(e);
                }
            }
            long notApplicable = result.outcomes().stream().filter(o -> !o.applicable()).count();
            if (notApplicable > 0) {
                out.printf(Locale.ROOT, "  %d of %d expectations not applicable on %s (counted apart, not passed)%n",
                        notApplicable, s.expectations().size(), s.transport().key());
            }
            out.printf(Locale.ROOT, "  simulated %.1f s in %.2f s (%s)%n", result.simulatedNanos() / 1e9,
                    result.wallNanos() / 1e9, s.transport().key());
            out.flush();
            allPassed &= result.passed();
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> err.println(Echo.line(spec.qualifiedName() + ": " + f.getMessage())));
            err.flush();
            return ExitCode.DEVICE.code();
        }
        return (allPassed ? ExitCode.OK : ExitCode.EXPECTATION_FAILED).code();
    }

    /**
     * Runs {@code s}, recorded by {@code r} when there is one (a recording whose header cannot be
     * written is left out), kept tick by tick only {@code forPlot}.
     */
    private static ScenarioRunner.Result run(Scenario s, PercussConfig config, TraceOutput t, Recorder r,
                                             boolean forPlot, List<FileProblem> failures) {
        java.util.function.Consumer<org.percuss.controller.loop.ControlLoop> rows = t == null ? null : t.writer()::row;
        if (r != null) {
            try {
                return ScenarioRunner.run(s, config, rows, r, forPlot);
            } catch (FileProblem e) {
                failures.add(e); // before the first tick: the scenario runs unrecorded
            }
        }
        return ScenarioRunner.run(s, config, rows, forPlot);
    }

    /** The output files for {@code option} ({@code base} itself for one scenario, {@code base-stem.ext} for several), checked. */
    private List<OutputFile> outputs(String option, Path base, List<String> stems) throws FileProblem {
        List<OutputFile> out = new ArrayList<>();
        if (base == null) {
            return out;
        }
        if (base.toString().isEmpty()) {
            OutputFile.check(option, base); // refuses it, saying why
        }
        for (String stem : stems) {
            out.add(OutputFile.check(option, name(base, stem)));
        }
        return out;
    }

    /**
     * A name for each file's outputs, distinct: the file's name without {@code .yaml}; where two
     * files share it (a/x.yaml, b/x.yaml), their folder's name in front (a-x, b-x); where that is
     * not enough (the same file twice), a number after (x-2).
     */
    static List<String> stems(List<Path> files) {
        List<String> stems = new ArrayList<>();
        for (Path f : files) {
            Path name = f.getFileName();
            stems.add(name == null ? "scenario" : name.toString().replaceFirst("\\.ya?ml$", ""));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String stem = stems.get(i);
            if (java.util.Collections.frequency(stems, stem) > 1) {
                Path dir = files.get(i).toAbsolutePath().normalize().getParent();
                Path dirName = dir == null ? null : dir.getFileName();
                stem = (dirName == null ? "root" : dirName.toString()) + "-" + stem;
            }
            String unique = stem;
            for (int n = 2; out.contains(unique); n++) {
                unique = stem + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }

    /** {@code base} itself for one scenario; {@code base-stem.ext} for several. */
    private Path name(Path base, String stem) {
        if (files.size() == 1) {
            return base;
        }
        Path fileName = base.getFileName();
        String f = fileName == null ? "" : fileName.toString();
        int dot = f.lastIndexOf('.');
        String named = dot < 0 ? f + "-" + stem : f.substring(0, dot) + "-" + stem + f.substring(dot);
        return base.resolveSibling(named);
    }
}
