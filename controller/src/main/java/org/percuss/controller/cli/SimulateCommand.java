package org.percuss.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.YamlReader;
import org.percuss.simulator.scenario.Outcome;
import org.percuss.simulator.scenario.RunPlot;
import org.percuss.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every expectation and invariant held",
            "1:at least one failed",
            "2:a scenario file is malformed (file, line and key named)"})
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

    @Option(names = "--config", paramLabel = "FILE",
            description = "A configuration file: its levels, safety thresholds and zones apply.")
    private Path configFile;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Draw speeds, current, temperature, states and faults (with several: FILE-<scenario>.png).")
    private Path plot;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PercussConfig config = ConfigOption.load(configFile, err);
        if (config == null) {
            return ExitCode.USAGE;
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<YamlReader.Problem> problems = new ArrayList<>();
        for (Path file : files) {
            ScenarioReader.Result r = ScenarioReader.read(file, config);
            problems.addAll(r.problems());
            if (r.ok()) {
                scenarios.add(seed == null ? r.scenario() : r.scenario().withSeed(seed));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(p));
            err.flush();
            return ExitCode.USAGE;
        }
        boolean allPassed = true;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Path file = files.get(i);
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            out.println(file + ": " + s.name());
            ScenarioRunner.Result result;
            try (TraceWriter traceWriter = trace == null ? null : new TraceWriter(Files.newBufferedWriter(
                    name(trace, stem), StandardCharsets.UTF_8))) {
                result = ScenarioRunner.run(s, config, traceWriter);
            }
            for (Outcome o : result.outcomes()) {
                out.println("  " + o + (o.line() > 0 ? "  [" + file + ":" + o.line() + "]" : ""));
            }
            if (plot != null) {
                RunPlot.write(name(plot, stem), s.name() + " (seed " + s.seed() + ")", result.record(), result.markers(),
                        ScenarioRunner.temperatureLines(config.safety().thermal()), config.levels().highestPpm());
            }
            out.printf(Locale.ROOT, "  simulated %.1f s in %.2f s%n", result.simulatedNanos() / 1e9, result.wallNanos() / 1e9);
            out.flush();
            allPassed &= result.passed();
        }
        return allPassed ? ExitCode.OK : ExitCode.EXPECTATION_FAILED;
    }

    /** {@code base} itself for one scenario; {@code base-stem.ext} for several. */
    private Path name(Path base, String stem) {
        if (files.size() == 1) {
            return base;
        }
        String f = base.getFileName().toString();
        int dot = f.lastIndexOf('.');
        String named = dot < 0 ? f + "-" + stem : f.substring(0, dot) + "-" + stem + f.substring(dot);
        return base.resolveSibling(named);
    }
}
