package org.percuss.controller.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.device.os.RealTimePriority;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code percuss run}'s own options (a picocli mixin) and their checks against each other and the
 * configuration, all made before anything is opened: each refusal is a usage error naming the
 * option. What the session runs with comes from here; {@link RunCommand} wires and runs it.
 */
final class RunOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "sim", converter = DeviceSpec.Converter.class,
            description = "sim (the built-in simulator), serial:PATH[@BAUD] (a board on a serial port) or gpio (a "
                + "Raspberry Pi rig, wired as the config's gpio section says). Default: ${DEFAULT-VALUE}.")
    private DeviceSpec device;

    @Option(names = "--level", paramLabel = "N", defaultValue = "1",
            description = "Speed level to ramp to, 1 (lowest) .. 5 (or as many as --config sets). Default: "
                + "${DEFAULT-VALUE}.")
    private int level;

    @Option(names = "--limit", paramLabel = "DURATION", converter = DurationConverter.SessionLimit.class,
            description = "Most running time, such as 20s, 5m, 1m30s; at most 15m, and at most a config file's "
                + "session_limit. Default: the config's session_limit, 15m.")
    private Duration limit;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.Warmup.class,
            description = "How long each start holds the lowest level, 0s..60s, and at least a config file's warmup. "
                + "Default: the config's warmup, 10s.")
    private Duration warmup;

    @Option(names = "--time-scale", paramLabel = "X",
            description = "Simulator only: simulated time runs X times faster than wall time, 1..1000. Default: 1.")
    private Double timeScale;

    @Option(names = "--trace", paramLabel = "FILE.csv",
            description = "Write one CSV row per control tick to this file.")
    private Path trace;

    @Option(names = "--record", paramLabel = "FILE.rec",
            description = "Record everything that enters the controller, tick by tick, and what it decides, for percuss replay (docs/recording.md).")
    private Path record;

    @Option(names = "--zone", paramLabel = "NAME",
            description = "The muscle group: its budget (15m per rolling hour) and maximum level apply; the usage "
                + "ledger records the session.")
    private String zoneName;

    @Option(names = "--realtime-priority", paramLabel = "N", converter = PriorityConverter.class,
            description = PriorityConverter.DESCRIPTION)
    private RealTimePriority realtimePriority = RealTimePriority.NORMAL;

    @Option(names = "--wait-for-start",
            description = "Open the device and wait, the motor stopped, until its power button starts the session (as the percuss service does at boot).")
    private boolean waitForStart;

    /** The scheduling the control loop's thread asks for. */
    RealTimePriority realtimePriority() {
        return realtimePriority;
    }

    /** The device to open. */
    DeviceSpec device() {
        return device;
    }

    /** The level to ramp to. */
    int level() {
        return level;
    }

    /** {@code --limit}, or null. */
    Duration limit() {
        return limit;
    }

    /** {@code --warmup}, or null. */
    Duration warmup() {
        return warmup;
    }

    /** How much faster than the wall clock a simulated session runs: {@code --time-scale}, or 1. */
    double timeScale() {
        return timeScale == null ? 1 : timeScale;
    }

    /** {@code --trace}, or null. */
    Path trace() {
        return trace;
    }

    /** {@code --record}, or null. */
    Path record() {
        return record;
    }

    /** Whether the session waits for the device's power button. */
    boolean waitForStart() {
        return waitForStart;
    }

    /** The zone named by {@code --zone}, checked against the configuration and the level, or null. */
    Zone zone(PercussConfig config) {
        if (zoneName == null) {
            return null;
        }
        Zone zone = config.zones().find(zoneName).orElseThrow(() -> usage("--zone: unknown zone '" + zoneName
                + "' (zones: " + String.join(", ", config.zones().names()) + ")"));
        if (!zone.allows(level)) {
            throw usage("--level " + level + " is above the highest level allowed on zone " + zone.name() + " ("
                    + zone.maxLevel() + ")");
        }
        return zone;
    }

    /**
     * The session's settings, each checked against its allowed range before anything starts. A
     * configuration file ({@code source}, null for none) is the owner's ceiling (a clinic's, a
     * maker's product settings): the command line may shorten its session limit and lengthen its
     * warm-up, never the reverse.
     */
    PercussConfig configure(PercussConfig defaults, Path source) {
        int levels = defaults.levels().count();
        if (level < 1 || level > levels) {
            throw usage("--level must be 1.." + levels + ", got " + level);
        }
        // --limit and --warmup are in their ranges already: their converters check them
        if (source != null && limit != null && limit.compareTo(defaults.sessionLimit()) > 0) {
            throw usage("--limit " + DurationConverter.format(limit) + " is above the session_limit of "
                    + DurationConverter.format(defaults.sessionLimit()) + " that " + source
                    + " sets; the command line may lower it, never raise it");
        }
        if (source != null && warmup != null && warmup.compareTo(defaults.warmup()) < 0) {
            throw usage("--warmup " + DurationConverter.format(warmup) + " is below the warmup of "
                    + DurationConverter.format(defaults.warmup()) + " that " + source
                    + " sets; the command line may lengthen it, never shorten it");
        }
        if (timeScale != null) {
            if (device.kind() != DeviceSpec.Kind.SIM) {
                throw usage("--time-scale applies only to --device sim; real hardware runs in real time");
            }
            if (!(timeScale >= 1 && timeScale <= 1000)) {
                throw usage("--time-scale must be 1..1000, got " + plain(timeScale));
            }
        }
        // given, the options apply on top of the file; not given, the file's values (or the defaults) hold
        return defaults.withWarmup(warmup != null ? warmup : defaults.warmup())
                .withSessionLimit(limit != null ? limit : defaults.sessionLimit());
    }

    /** A number as a user would write it: {@code 1001}, not {@code 1001.0}. */
    private static String plain(double x) {
        return Double.isFinite(x) ? java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() : String.valueOf(x);
    }

    /**
     * The output file {@code option} names at {@code path} (null when not given), checked before
     * anything starts: writable, and not the config file ({@code configFile}), an {@code earlier} output or the ledger.
     */
    OutputFile output(String option, Path path, Path earlier, Path configFile, Path ledgerFile) throws FileProblem {
        if (path == null) {
            return null;
        }
        OutputFile file = OutputFile.check(option, path);
        file.notSameAs("--config", configFile);
        file.notSameAs("--trace", earlier);
        file.notSameAs("--ledger", ledgerFile);
        return file;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
