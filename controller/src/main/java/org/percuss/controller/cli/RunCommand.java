package org.percuss.controller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.live.SessionEnd;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.SessionStatistics;
import org.percuss.controller.record.RecordedSession;
import org.percuss.controller.record.Recorder;
import org.percuss.controller.session.SessionClock;
import org.percuss.controller.session.SessionPlan;
import org.percuss.controller.session.UsageRecorder;
import org.percuss.controller.text.Echo;
import org.percuss.device.api.Capability;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.os.RealTimePriority;
import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Scheduler;
import org.percuss.device.time.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code percuss run}: one massage session. Starts at the lowest level, holds it for the warm-up,
 * ramps to the chosen level and stops at the limit, on an interrupt, or on a safety stop. This
 * class wires the session and runs it: {@link RunOptions} holds and checks the options,
 * {@link ZoneSession} the zone's ledger and budget, {@link Backend} the device and its clock,
 * {@link SessionOutputs} what the session writes as it goes, {@link StatusReporter} and
 * {@link SessionSummary} what the user reads.
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

    @Mixin
    private RunOptions options;

    @Mixin
    private LedgerMixin ledger;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private WebOptions web = new WebOptions();

    @Override
    public Integer call() throws IOException {
        // The loop's thread writes the status, warnings and safety lines: in a process of its own,
        // they go through a queue, so that an output nobody reads never stops the loop (ProcessOutput).
        ProcessOutput output = parent != null && parent.ownsProcess() ? ProcessOutput.install() : null;
        if (output != null) {
            spec.commandLine().setOut(output.outWriter());
            spec.commandLine().setErr(output.errWriter());
        }
        try {
            return session();
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    private int session() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PercussConfig loaded = this.config.loadOrUsers(err);
        if (loaded == null) {
            return ExitCode.USAGE.code();
        }
        PercussConfig config = options.configure(loaded, this.config.source());
        Zone zone = options.zone(config);
        // every output is checked before anything is opened or started (exit 2 naming the file)
        Path ledgerFile = zone == null ? null : ledger.given();
        OutputFile traceFile = options.output("--trace", options.trace(), null, this.config.file(), ledgerFile);
        OutputFile recordFile = options.output("--record", options.record(), options.trace(), this.config.file(),
                ledgerFile);
        boolean live = parent != null && parent.ownsProcess() && Terminal.isInteractive();
        StatusReporter reporter = new StatusReporter(out, live, Ticker.system());

        Interrupts interrupts = parent != null && parent.ownsProcess() ? Interrupts.install(System.err) : null;
        try (interrupts; LiveControls controls = openLive(live, config, out, err);
             ZoneSession zoneSession = zone == null ? null : ZoneSession.open(zone, ledger.file(), err, spec.commandLine());
             Backend backend = openBackend(config, interrupts, err);
             TraceOutput traceOutput = traceFile == null || backend == null ? null
                     : TraceOutput.open(traceFile, Ticker.system());
             Recorder recording = recordFile == null || backend == null ? null : Recorder.open(recordFile, Ticker.system(),
                     EpochClock.system(), spec.commandLine().getParseResult().originalArgs(), true)) {
            if (backend == null) {
                err.println("percuss: interrupted (" + interrupts.early() + ") while connecting to serial:"
                        + options.device().path() + "; the motor was never started");
                err.flush();
                return ExitCode.OK.code();
            }
            SessionPlan plan = zoneSession == null ? SessionPlan.of(config)
                    : SessionPlan.onZone(config, zone, zoneSession.budget().left());
            SessionStatistics statistics = new SessionStatistics();
            ControlLoop loop = loop(backend, config, plan, controls.listener(reporter), statistics, recording);
            UsageRecorder usage = zoneSession == null ? null : new UsageRecorder(zoneSession.ledger(),
                    UUID.randomUUID().toString(), zone, new SessionClock(EpochClock.system(), backend.ticker()),
                    loop.sessionLimitNanos());
            // the first second is claimed before the motor starts: a ledger that cannot be written stops it here
            if (usage != null && !usage.start()) {
                throw usage("zone " + zone.name() + ": its budget has just been used up by another session");
            }
            SessionOutputs outputs = new SessionOutputs(traceOutput, recording, usage);
            reporter.attach(loop);
            controls.attach(loop, config, zone == null ? null : zone.name(),
                    zoneSession == null ? 0 : zoneSession.budget().left().toNanos(), reporter, interrupts);
            if (!options.waitForStart()) {
                loop.start();
            }
            if (interrupts != null) {
                interrupts.attach(loop, backend.device());
            }
            try {
                backend.runLoop(() -> {
                    controls.beforeTick();
                    loop.tick();
                    outputs.afterTick(loop);
                    reporter.afterTick();
                    controls.afterTick();
                }, () -> controls.sessionOver(loop));
            } finally {
                outputs.finishLedger(loop.runningNanos());
            }
            if (interrupts != null) {
                interrupts.sessionEnded();
            }
            backend.device().stop();
            reporter.finish();
            outputs.finishFiles();
            List<String> extra = new ArrayList<>(reporter.safetyLog());
            if (zoneSession != null) {
                extra.add(zoneSession.summaryLine(loop.runningNanos() / 1_000_000L, usage.zoneUsedMillis()));
            }
            return end(loop, statistics, extra, outputs.failure(), controls).code();
        }
    }

    /**
     * The session's loop on {@code backend}'s device, recorded when {@code recording} is not null
     * (its header written first, naming the plan).
     *
     * @throws ParameterException when the device cannot run the configuration, or {@code --level}
     *         or {@code --wait-for-start} does not suit it
     */
    private ControlLoop loop(Backend backend, PercussConfig config, SessionPlan plan, LoopListener listener,
                             SessionStatistics statistics, Recorder recording) throws FileProblem {
        PercussionDevice device = backend.device();
        if (recording != null) {
            recording.begin(device.name() + " session", device, config, RecordedSession.ofRun(plan.zone(),
                    plan.zoneLeft(), Optional.ofNullable(options.limit()),
                    Optional.ofNullable(options.warmup())));
        }
        ControlLoop loop;
        try {
            loop = (recording == null ? ControlLoop.builder(device, config, backend.ticker()).listener(listener)
                    : recording.builder(device, config, backend.ticker(), listener)).plan(plan).observer(statistics).build();
        } catch (IllegalArgumentException e) {
            throw usage(device.name() + ": " + e.getMessage());
        }
        try {
            loop.selectLevel(options.level());
        } catch (IllegalArgumentException e) {
            throw usage("--level: " + e.getMessage());
        }
        if (options.waitForStart() && !device.capabilities().has(Capability.BUTTONS)) {
            throw usage("--wait-for-start: " + device.name() + " has no power button to start the session with");
        }
        return loop;
    }

    /**
     * The session's end: its summary (with {@code extra} lines, and the output that failed) printed,
     * the output's failure on standard error, the live page told; the exit code, from the stop reason
     * or the failure.
     */
    private ExitCode end(ControlLoop loop, SessionStatistics statistics, List<String> extra, FileProblem failure,
                         LiveControls controls) {
        if (failure != null) {
            extra.add("output:       " + Echo.line(failure.getMessage()));
        }
        StringWriter summary = new StringWriter();
        SessionSummary.print(loop, statistics, new PrintWriter(summary), extra);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary);
        out.flush();
        ExitCode code = ExitCode.of(loop.stopReason());
        if (failure != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(Echo.line(spec.qualifiedName() + ": " + failure.getMessage()));
            err.flush();
            code = code == ExitCode.OK ? ExitCode.DEVICE : code;
        }
        controls.ended(new SessionEnd(SessionSummary.stopped(loop), loop.runningNanos() / 1e9,
                statistics.topCommandedPpm(), statistics.topMeasuredPpm(), code.code(),
                summary.toString().lines().toList()));
        return code;
    }

    /**
     * Opens the device; null when a signal interrupted the opening (a serial handshake under way),
     * so the command ends as interrupted rather than as a device error.
     */
    private Backend openBackend(PercussConfig config, Interrupts interrupts, PrintWriter err) {
        // this thread runs the loop (Backend.runLoop puts it back when the loop ends); the threads it starts from now on are normal
        RealTimePriority priority = LoopPriority.raise(options.realtimePriority(), err);
        try {
            return Backend.open(options.device(), config.tickPeriod(), options.timeScale(), config.gpio(), priority);
        } catch (DeviceException e) {
            if (priority.isRealTime()) {
                RealTimePriority.normalizeCurrentThread();
            }
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

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
