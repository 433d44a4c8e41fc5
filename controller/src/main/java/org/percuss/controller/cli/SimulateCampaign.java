package org.percuss.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.percuss.controller.campaign.CampaignHeader;
import org.percuss.controller.campaign.CampaignPlan;
import org.percuss.controller.campaign.CampaignProblem;
import org.percuss.controller.campaign.CampaignRunner;
import org.percuss.controller.campaign.CampaignSummary;
import org.percuss.controller.campaign.SeedRange;
import org.percuss.controller.campaign.SessionRow;
import org.percuss.controller.campaign.Shard;
import org.percuss.controller.campaign.Sweep;
import org.percuss.controller.campaign.SweepPoint;
import org.percuss.controller.campaign.SummaryFile;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.Transport;
import org.percuss.simulator.scenario.Scenario;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code percuss simulate --seeds ...}: the campaign, from the simulate command's options to its
 * summary. Every option is checked, and every output, before a session runs (exit 2, one line);
 * then the shard's sessions run on the worker threads, the summary is printed, and the summary
 * file and the plot are written (exit 3 naming the file when that fails).
 */
final class SimulateCampaign {

    /** The most worker threads. */
    static final int MAX_JOBS = 1024;

    private final CommandSpec spec;
    private final CampaignOptions options;

    SimulateCampaign(CommandSpec spec, CampaignOptions options) {
        this.spec = spec;
        this.options = options;
    }

    /** The sweep points the options give (the one empty point without {@code --sweep}). */
    static List<SweepPoint> points(CommandSpec spec, CampaignOptions options) {
        List<Sweep> sweeps = new ArrayList<>();
        try {
            for (String s : options.sweeps) {
                Sweep sweep = Sweep.parse(s);
                for (Sweep other : sweeps) {
                    if (other.key() == sweep.key()) {
                        throw new CampaignProblem("--sweep " + sweep.key().key() + " is given twice; give all its values "
                                + "in one: --sweep " + sweep.key().key() + "=v1,v2,...");
                    }
                }
                sweeps.add(sweep);
            }
        } catch (CampaignProblem e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return SweepPoint.grid(sweeps);
    }

    /** Checks the options that need no file: a usage error (exit 2) for the first one wrong. */
    static void checkOptions(CommandSpec spec, CampaignOptions options, Long seed, Path trace, Path record) {
        if (!options.campaign()) {
            String needing = options.needingSeeds();
            if (needing != null) {
                throw new ParameterException(spec.commandLine(), needing + " is for a campaign: give --seeds N too");
            }
            if (points(spec, options).size() > 1) {
                throw new ParameterException(spec.commandLine(),
                        "--sweep with several values runs a campaign: give --seeds N too (or one value per --sweep)");
            }
            return;
        }
        if (seed != null) {
            throw new ParameterException(spec.commandLine(), "--seed and --seeds: give one (--seed S runs one session)");
        }
        if (trace != null) {
            throw new ParameterException(spec.commandLine(), "--trace records one session, not a campaign: run the "
                    + "session alone with --seed S --trace FILE.csv");
        }
        if (record != null) {
            throw new ParameterException(spec.commandLine(), "--record records one session, not a campaign: run the "
                    + "session alone with --seed S --record FILE.rec");
        }
        if (options.jobs != null && (options.jobs < 1 || options.jobs > MAX_JOBS)) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 1.." + MAX_JOBS + ", got " + options.jobs);
        }
        points(spec, options);
    }

    /**
     * Runs the campaign.
     *
     * @param files the scenario files, as given
     * @param scenarios each file's scenario, read (the {@code --transport} applied)
     * @param configFile the {@code --config} file, or null
     * @param transport the {@code --transport} option, or null
     * @param plot the {@code --plot} option, or null
     */
    int run(List<Path> files, List<Scenario> scenarios, PercussConfig config, Path configFile, Transport transport,
            Path plot) throws FileProblem {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        quietSessions();
        SeedRange seeds;
        Shard shard;
        try {
            seeds = SeedRange.parse(options.seeds);
            shard = options.shard == null ? Shard.ALL : Shard.parse(options.shard);
        } catch (CampaignProblem e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<SweepPoint> points = points(spec, options);
        int jobs = options.jobs != null ? options.jobs : Runtime.getRuntime().availableProcessors();

        OutputFile summaryFile = options.summary == null ? null : OutputFile.check("--summary", options.summary);
        OutputFile plotFile = plot == null ? null : OutputFile.check("--plot", plot);
        for (OutputFile o : new OutputFile[] {summaryFile, plotFile}) {
            if (o != null) {
                o.notSameAs("--config", configFile);
                for (Path f : files) {
                    o.notSameAs("a scenario file", f);
                }
            }
        }
        if (summaryFile != null && plotFile != null) {
            plotFile.notSameAs("--summary", summaryFile.path());
        }

        List<String> stems = stems(files);
        List<CampaignPlan.Entry> entries = new ArrayList<>();
        List<byte[]> identity = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            entries.add(new CampaignPlan.Entry(stems.get(i), scenarios.get(i)));
            identity.add(stems.get(i).getBytes(StandardCharsets.UTF_8));
            identity.add(bytes("a scenario file", files.get(i)));
        }
        identity.add(configFile == null ? new byte[0] : bytes("--config", configFile));
        identity.add(((transport == null ? "" : transport.key()) + " seeds " + seeds + " sweeps "
                + String.join(" ", options.sweeps.stream().map(s -> s.replace(" ", "")).toList()))
                .getBytes(StandardCharsets.UTF_8));
        CampaignPlan plan;
        try {
            plan = CampaignPlan.of(entries, points, seeds, shard, CampaignPlan.identity(identity));
        } catch (CampaignProblem e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (plan.share() > CampaignRunner.MAX_SHARE) {
            throw new ParameterException(spec.commandLine(), "--seeds " + seeds + ": " + plan.share() + " sessions on one "
                    + "machine is more than " + CampaignRunner.MAX_SHARE + "; split the campaign with --shard K/N");
        }
        List<String> sweeps = new ArrayList<>();
        try {
            for (String s : options.sweeps) {
                sweeps.add(Sweep.parse(s).toString());
            }
        } catch (CampaignProblem e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CampaignHeader header = new CampaignHeader(plan.id(), shard, plan.total(), seeds, sweeps,
                new CampaignHeader.Limits(config.safety().thermal().tripCelsius(), config.safety().current().tripAmps(),
                        config.safety().current().tripAfter().toNanos() / 1e9, config.safety().supply().tripVolts()),
                CampaignRunner.checks(plan, config));

        Ticker wall = Ticker.system();
        long start = wall.nanos();
        CampaignProgress progress = Terminal.isInteractive() ? new CampaignProgress(err, wall) : null;
        List<SessionRow> rows = CampaignRunner.run(plan, config, jobs, progress == null ? CampaignRunner.Progress.NONE : progress);
        if (progress != null) {
            progress.finish();
        }
        long wallNanos = wall.nanos() - start;
        SummaryFile summary = new SummaryFile(header, rows);
        CampaignSummary.lines(summary).forEach(out::println);
        double simulated = rows.stream().mapToDouble(SessionRow::simulatedSeconds).sum();
        out.printf(Locale.ROOT, "ran %d sessions, %.0f s simulated, in %.1f s on %d worker thread%s (%.0fx real time)%n",
                rows.size(), simulated, wallNanos / 1e9, jobs, jobs == 1 ? "" : "s",
                wallNanos > 0 ? simulated / (wallNanos / 1e9) : 0.0);
        out.flush();

        return CampaignOutputs.finish(summary, summaryFile, plotFile, err, spec.qualifiedName());
    }

    /**
     * A campaign's thousands of sessions would each log their derates and trips to standard error,
     * thousands of lines no one reads (the rows and the summary carry what happened): the
     * controller's loggers are set off, through SLF4J simple's system property, which applies to
     * the loggers made after it, so to those of the command line's JVM, where no session has run
     * yet. Warnings about the command itself come through picocli, not a logger.
     */
    private static void quietSessions() {
        System.setProperty("org.slf4j.simpleLogger.log.org.percuss.controller", "off");
    }

    /** {@link SimulateCommand#stems}, with anything but letters, digits and {@code . _ + -} made {@code _}, still distinct. */
    static List<String> stems(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (String s : SimulateCommand.stems(files)) {
            String clean = s.replaceAll("[^A-Za-z0-9._+-]", "_");
            String unique = clean.isEmpty() ? "scenario" : clean;
            for (int n = 2; out.contains(unique); n++) {
                unique = clean + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }

    private static byte[] bytes(String what, Path file) throws FileProblem {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileProblem(what + " " + Echo.value(file.toString()) + ": cannot read it: " + FileProblem.reason(e), e);
        }
    }
}
