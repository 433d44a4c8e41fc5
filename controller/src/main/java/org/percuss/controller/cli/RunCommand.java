package org.percuss.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.percuss.controller.config.HardLimits;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.device.time.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code percuss run}: one massage session. Starts at the lowest level, holds it for the warm-up,
 * ramps to the chosen level and stops at the limit, on an interrupt, or on a safety stop.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one massage session: start at the lowest level, warm up, ramp to --level,",
            "stop after --limit of running time (15m at most), on Ctrl-C, or on a safety stop."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:normal end (limit reached, interrupted)",
            "2:usage or config error",
            "3:device or link error",
            "4:safety stop (fault or emergency stop)"})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Percuss parent;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "sim", converter = DeviceSpec.Converter.class,
            description = "sim (the built-in simulator) or serial:PATH[@BAUD]. Default: ${DEFAULT-VALUE}.")
    private DeviceSpec device;

    @Option(names = "--level", paramLabel = "N", defaultValue = "1",
            description = "Speed level to ramp to, 1 (lowest) .. 5. Default: ${DEFAULT-VALUE}.")
    private int level;

    @Option(names = "--limit", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
            description = "Most running time, such as 20s, 5m, 1m30s; at most 15m. Default: ${DEFAULT-VALUE}.")
    private Duration limit;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long each start holds the lowest level, 0s..60s. Default: ${DEFAULT-VALUE}.")
    private Duration warmup;

    @Option(names = "--time-scale", paramLabel = "X",
            description = "Simulator only: simulated time runs X times faster than wall time, 1..1000. Default: 1.")
    private Double timeScale;

    @Option(names = "--trace", paramLabel = "FILE.csv",
            description = "Write one CSV row per control tick to this file.")
    private Path trace;

    @Override
    public Integer call() throws IOException {
        PercussConfig config = configure();
        double scale = timeScale == null ? 1 : timeScale;
        PrintWriter out = spec.commandLine().getOut();
        boolean live = parent != null && parent.ownsProcess() && Terminal.isInteractive();
        StatusReporter reporter = new StatusReporter(out, live, Ticker.system());

        try (Backend backend = Backend.open(device, config.tickPeriod(), scale);
             TraceWriter traceWriter = openTrace()) {
            ControlLoop loop;
            try {
                loop = ControlLoop.create(backend.device(), config, backend.ticker(), reporter);
            } catch (IllegalArgumentException e) {
                throw usage(backend.device().name() + ": " + e.getMessage());
            }
            try {
                loop.selectLevel(level);
            } catch (IllegalArgumentException e) {
                throw usage("--level: " + e.getMessage());
            }
            reporter.attach(loop);
            loop.start();
            try (Interrupts ignored = parent != null && parent.ownsProcess()
                    ? Interrupts.install(loop, backend.device(), System.err) : null) {
                backend.driver().run(() -> {
                    loop.tick();
                    if (traceWriter != null) {
                        traceWriter.row(loop);
                    }
                    reporter.afterTick();
                }, loop::stopped);
            }
            backend.device().stop();
            reporter.finish();
            SessionSummary.print(loop, out);
            return ExitCode.of(loop.stopReason());
        }
    }

    /** The session's settings, each checked against its allowed range before anything starts. */
    private PercussConfig configure() {
        PercussConfig defaults = PercussConfig.DEFAULT;
        int levels = defaults.levels().count();
        if (level < 1 || level > levels) {
            throw usage("--level must be 1.." + levels + ", got " + level);
        }
        if (limit.isNegative() || limit.isZero() || limit.compareTo(HardLimits.MAX_SESSION) > 0) {
            throw usage("--limit must be more than 0s and at most 15m, got " + DurationConverter.format(limit));
        }
        if (warmup.isNegative() || warmup.compareTo(HardLimits.MAX_WARMUP) > 0) {
            throw usage("--warmup must be 0s..60s, got " + DurationConverter.format(warmup));
        }
        if (timeScale != null) {
            if (device.kind() != DeviceSpec.Kind.SIM) {
                throw usage("--time-scale applies only to --device sim; real hardware runs in real time");
            }
            if (!(timeScale >= 1 && timeScale <= 1000)) {
                throw usage("--time-scale must be 1..1000, got " + timeScale);
            }
        }
        return defaults.withWarmup(warmup).withSessionLimit(limit);
    }

    private TraceWriter openTrace() {
        if (trace == null) {
            return null;
        }
        try {
            return new TraceWriter(Files.newBufferedWriter(trace, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw usage("--trace: cannot write " + trace + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
