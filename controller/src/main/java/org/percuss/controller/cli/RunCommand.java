package org.percuss.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.files.UserDirs;
import org.percuss.controller.live.SessionEnd;
import org.percuss.controller.loop.Durations;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.SessionStatistics;
import org.percuss.controller.loop.StopReason;
import org.percuss.controller.record.RecordedSession;
import org.percuss.controller.record.Recorder;
import org.percuss.controller.session.SessionClock;
import org.percuss.controller.session.SessionPlan;
import org.percuss.controller.session.UsageEntry;
import org.percuss.controller.session.UsageLedger;
import org.percuss.controller.session.UsageRecorder;
import org.percuss.controller.session.ZoneBudget;
import org.percuss.controller.text.Echo;
import org.percuss.device.api.Capability;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Scheduler;
import org.percuss.device.time.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        description = "Run one massage session: start at the lowest level, warm up, ramp to --level, stop after "
            + "--limit of running time (15m at most), on Ctrl-C, or on a safety stop.",
        exitCodeListHeading = "%nExit codes:%n")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Percuss parent;

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

    @Option(names = "--wait-for-start",
            description = "Open the device and wait, the motor stopped, until its power button starts the session (as the percuss service does at boot).")
    private boolean waitForStart;

    @Mixin
    private LedgerMixin ledger;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private WebOptions web = new WebOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PercussConfig loaded = this.config.loadOrUsers(err);
        if (loaded == null) {
            return ExitCode.USAGE.code();
        }
        PercussConfig config = configure(loaded, this.config.source());
        Zone zone = zone(config);
        // every output is checked before anything is opened or started (exit 2 naming the file)
        OutputFile traceFile = null;
        if (trace != null) {
            traceFile = OutputFile.check("--trace", trace);
            traceFile.notSameAs("--config", this.config.file());
            traceFile.notSameAs("--ledger", zone == null ? null : ledger.given());
        }
        OutputFile recordFile = null;
        if (record != null) {
            recordFile = OutputFile.check("--record", record);
            recordFile.notSameAs("--config", this.config.file());
            recordFile.notSameAs("--trace", trace);
            recordFile.notSameAs("--ledger", zone == null ? null : ledger.given());
        }
        double scale = timeScale == null ? 1 : timeScale;
        boolean live = parent != null && parent.ownsProcess() && Terminal.isInteractive();
        StatusReporter reporter = new StatusReporter(out, live, Ticker.system());
        Failures failures = new Failures();

        Interrupts interrupts = parent != null && parent.ownsProcess() ? Interrupts.install(System.err) : null;
        try (interrupts; LiveControls controls = openLive(live, config, out, err);
             ZoneSession zoneSession = zone == null ? null : openZone(zone, err);
             Backend backend = openBackend(config, scale, interrupts);
             TraceOutput traceOutput = traceFile == null || backend == null ? null
                     : TraceOutput.open(traceFile, Ticker.system());
             Recorder recording = recordFile == null || backend == null ? null : Recorder.open(recordFile, Ticker.system(),
                     EpochClock.system(), spec.commandLine().getParseResult().originalArgs(), true)) {
            if (backend == null) {
                err.println("percuss: interrupted (" + interrupts.early() + ") while connecting to serial:"
                        + device.path() + "; the motor was never started");
                err.flush();
                return ExitCode.OK.code();
            }
            TraceWriter traceWriter = traceOutput == null ? null : traceOutput.writer();
            SessionPlan plan = zoneSession == null ? SessionPlan.of(config)
                    : SessionPlan.onZone(config, zone, zoneSession.budget().left());
            SessionStatistics statistics = new SessionStatistics();
            PercussionDevice device = backend.device();
            if (recording != null) {
                recording.begin(device.name() + " session", device, config, RecordedSession.ofRun(plan.zone(),
                        plan.zoneLeft(), Optional.ofNullable(limit), Optional.ofNullable(warmup)));
                device = recording.device(device);
            }
            ControlLoop loop;
            try {
                LoopListener listener = controls.listener(reporter);
                ControlLoop.Builder builder = ControlLoop.builder(device, config, backend.ticker()).timer(plan.timer())
                        .maxLevel(plan.maxLevel()).listener(recording == null ? listener : recording.listener(listener))
                        .observer(statistics);
                loop = (recording == null ? builder : builder.observer(recording)).build();
            } catch (IllegalArgumentException e) {
                throw usage(backend.device().name() + ": " + e.getMessage());
            }
            try {
                loop.selectLevel(level);
            } catch (IllegalArgumentException e) {
                throw usage("--level: " + e.getMessage());
            }
            if (waitForStart && !backend.device().capabilities().has(Capability.BUTTONS)) {
                throw usage("--wait-for-start: " + backend.device().name() + " has no power button to start the session with");
            }
            UsageRecorder recorder = zoneSession == null ? null : new UsageRecorder(zoneSession.ledger(),
                    UUID.randomUUID().toString(), zone, new SessionClock(EpochClock.system(), backend.ticker()),
                    loop.sessionLimitNanos());
            // the first second is claimed before the motor starts: a ledger that cannot be written stops it here
            if (recorder != null && !recorder.start()) {
                throw usage("zone " + zone.name() + ": its budget has just been used up by another session");
            }
            reporter.attach(loop);
            controls.attach(loop, config, zone == null ? null : zone.name(),
                    zoneSession == null ? 0 : zoneSession.budget().left().toNanos(), reporter, interrupts);
            if (!waitForStart) {
                loop.start();
            }
            if (interrupts != null) {
                interrupts.attach(loop, backend.device());
            }
            try {
                backend.driver().run(() -> {
                    controls.beforeTick();
                    loop.tick();
                    if (traceWriter != null) {
                        traceWriter.row(loop);
                        if (traceWriter.failure() != null && failures.note(traceOutput.failure())) {
                            loop.finish(StopReason.OUTPUT_ERROR);
                        }
                    }
                    if (recording != null && !recording.flushIfDue() && failures.note(recording.failure())) {
                        loop.finish(StopReason.OUTPUT_ERROR);
                    }
                    reporter.afterTick();
                    controls.afterTick();
                    if (recorder != null) {
                        switch (recorder.update(loop.runningNanos())) {
                            case GO_ON -> { }
                            case BUDGET_SPENT -> loop.finish(StopReason.ZONE_BUDGET);
                            case FAILED -> {
                                if (failures.note(recorder.failure())) {
                                    loop.finish(StopReason.OUTPUT_ERROR);
                                }
                            }
                        }
                    }
                }, () -> controls.sessionOver(loop));
            } finally {
                if (recorder != null) {
                    try {
                        recorder.finish(loop.runningNanos());
                    } catch (FileProblem e) {
                        failures.note(e);
                    }
                }
            }
            if (interrupts != null) {
                interrupts.sessionEnded();
            }
            backend.device().stop();
            reporter.finish();
            if (recording != null && recording.failure() == null) {
                try {
                    recording.finish();
                } catch (FileProblem e) {
                    failures.note(e);
                }
            }
            if (traceOutput != null && failures.first() == null) {
                try {
                    traceOutput.finish();
                } catch (FileProblem e) {
                    failures.note(e);
                }
            }
            List<String> extra = new ArrayList<>(reporter.safetyLog());
            if (zoneSession != null) {
                long used = Math.max(recorder.zoneUsedMillis(), zoneSession.budget().usedMillis()
                        + loop.runningNanos() / 1_000_000L);
                extra.add(String.format("zone:         %s, %s of %s used in the last hour (ledger %s)", zone.name(),
                        Durations.format(used * 1_000_000L), Durations.format(zone.budget().toNanos()),
                        Echo.value(zoneSession.ledger().file().toString())));
            }
            if (failures.first() != null) {
                extra.add("output:       " + Echo.line(failures.first().getMessage()));
            }
            StringWriter summary = new StringWriter();
            SessionSummary.print(loop, statistics, new PrintWriter(summary), extra);
            out.print(summary);
            out.flush();
            ExitCode code = ExitCode.of(loop.stopReason());
            if (failures.first() != null) {
                err.println(Echo.line(spec.qualifiedName() + ": " + failures.first().getMessage()));
                err.flush();
                code = code == ExitCode.OK ? ExitCode.DEVICE : code;
            }
            controls.ended(new SessionEnd(SessionSummary.stopped(loop), loop.runningNanos() / 1e9,
                    statistics.topCommandedPpm(), statistics.topMeasuredPpm(), code.code(),
                    summary.toString().lines().toList()));
            return code.code();
        }
    }

    /** The first output that failed in a session: the one the summary and the exit name. */
    private static final class Failures {
        private FileProblem first;

        /** Notes {@code p}; true when it is the first. */
        boolean note(FileProblem p) {
            if (first != null || p == null) {
                return false;
            }
            first = p;
            return true;
        }

        FileProblem first() {
            return first;
        }
    }

    /**
     * Opens the device; null when a signal interrupted the opening (a serial handshake under way),
     * so the command ends as interrupted rather than as a device error.
     */
    private Backend openBackend(PercussConfig config, double scale, Interrupts interrupts) {
        try {
            return Backend.open(device, config.tickPeriod(), scale, config.gpio());
        } catch (DeviceException e) {
            if (interrupts != null && interrupts.early() != null) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The live controls: keys on a terminal ({@code live}), the web page with {@code --web}; its
     * server listens before anything is opened, so a bad or busy address is a usage error.
     */
    private LiveControls openLive(boolean live, PercussConfig config, PrintWriter out, PrintWriter err)
            throws FileProblem {
        try {
            return LiveControls.open(web, live, config, out, err, Scheduler.system());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw usage("--web " + Echo.value(web.address) + ": " + e.getMessage());
        }
    }

    /** A session on a zone: where it is recorded and what it had left when it began. */
    private record ZoneSession(UsageLedger ledger, ZoneBudget budget) implements AutoCloseable {
        @Override
        public void close() {
            ledger.close();
        }
    }

    /**
     * Opens the zone's ledger and reads its budget, under the ledger's lock.
     *
     * @throws ParameterException when the zone has nothing left
     * @throws FileProblem when the ledger cannot be used
     */
    private ZoneSession openZone(Zone zone, PrintWriter err) throws FileProblem {
        Path path = ledger.file();
        UsageLedger ledger = UsageLedger.open(path, w -> {
            err.println(Echo.line("warning: " + w));
            err.flush();
        });
        try (UsageLedger.Lock lock = ledger.lock()) {
            long now = EpochClock.system().epochMillis();
            List<UsageEntry> entries = lock.entries(now);
            if (!ledger.reachesBackTo(now - Zone.WINDOW.toMillis())) {
                throw usage("zone " + zone.name() + ": the ledger " + Echo.value(path.toString()) + " is larger than the "
                        + InputFile.size(UsageLedger.READ_LIMIT_BYTES) + " percuss reads, all of it from the last hour;"
                        + " cannot tell what is left");
            }
            ZoneBudget budget = ZoneBudget.of(zone, entries, now);
            if (budget.exhausted()) {
                throw usage(refusal(budget, now));
            }
            return new ZoneSession(ledger, budget);
        } catch (FileProblem | RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    /** The zone named by {@code --zone}, checked against the configuration and the level, or null. */
    private Zone zone(PercussConfig config) {
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

    /** Why a zone with nothing left is refused: the zone, the minutes used, when it is available again. */
    static String refusal(ZoneBudget b, long nowEpochMillis) {
        long waitMinutes = Math.max(1, Math.round((b.availableAgainEpochMillis() - nowEpochMillis) / 60_000.0));
        return String.format(Locale.ROOT, "zone %s: %.1f of its %d minutes used in the last 60 minutes; available"
                        + " again at %s (in %d min)", b.zone().name(), b.usedMillis() / 60_000.0, b.zone().budget().toMinutes(),
                UsageCommand.CLOCK.format(Instant.ofEpochMilli(b.availableAgainEpochMillis())
                        .atZone(ZoneId.systemDefault())), waitMinutes);
    }

    /**
     * The session's settings, each checked against its allowed range before anything starts. A
     * configuration file ({@code source}, null for none) is the owner's ceiling (a clinic's, a
     * maker's product settings): the command line may shorten its session limit and lengthen its
     * warm-up, never the reverse.
     */
    private PercussConfig configure(PercussConfig defaults, Path source) {
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

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
