package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.cli.Percuss;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.session.SessionPlan;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.clock.VirtualClock;
import picocli.CommandLine;

/**
 * Every answer of a device the loop depends on is recorded and answered again on replay: a fault
 * it reports and what it says of it, a clear that is pending then done, a command it holds at zero,
 * a clear that throws, a command that throws. A recording whose controller is changed diverges, and {@code replay}
 * exits 1 saying where.
 */
class DeviceAnswersTest {

    @TempDir
    Path dir;

    /** A board with a script: what it reports and answers, tick by tick (10 ms each). */
    private static final class ScriptedDevice implements PercussionDevice {
        private final VirtualClock clock;
        private Telemetry telemetry;
        private int clearReads;
        private ClearStatus status = ClearStatus.NONE;

        ScriptedDevice(VirtualClock clock) {
            this.clock = clock;
            report();
        }

        int tick() {
            return (int) (clock.nanos() / 10_000_000L);
        }

        /** A report every other tick: a fault reported at 0.5 s, gone by 0.55 s; uptime runs on. */
        void report() {
            int t = tick();
            if (telemetry != null && t % 2 == 1) {
                return;
            }
            FaultSet faults = t >= 50 && t < 55 ? FaultSet.of(Fault.OVER_CURRENT) : FaultSet.NONE;
            Inputs inputs = Inputs.NONE.with(Input.MOTION, true);
            telemetry = new Telemetry(clock.nanos(), t < 20 ? 0 : 1500 + t % 7, 1.0 + (t % 5) * 0.001, 30.0 + t / 100.0, 16.0,
                    inputs, faults, t * 10L);
        }

        @Override public String name() { return "scripted"; }
        @Override public Capabilities capabilities() {
            return new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);
        }
        @Override public int commandSpeed(int targetPpm) {
            int t = tick();
            if (t >= 400) {
                throw new DeviceException("scripted: the port is gone");
            }
            return t >= 150 && t < 153 ? 0 : targetPpm; // holds a stop of its own for three ticks
        }
        @Override public void stop() { }
        @Override public Telemetry telemetry() {
            report();
            return telemetry;
        }
        @Override public void requestClearFaults() {
            if (tick() >= 300) {
                throw new DeviceException("scripted: no answer to CLEAR_FAULTS");
            }
            status = ClearStatus.PENDING;
            clearReads = 0;
        }
        @Override public ClearStatus clearStatus() {
            if (status == ClearStatus.PENDING && ++clearReads > 3) {
                status = ClearStatus.CLEARED;
            }
            return status;
        }
        /** What it says of the fault while it reports it, as the Pi rig names a sensor that stopped answering. */
        @Override public String faultDetail() {
            int t = tick();
            return t >= 50 && t < 55 ? DETAIL : "";
        }
        @Override public void close() { }
    }

    private static final String DETAIL = "scripted: INA219 at 0x40 on bus 1: no answer";

    private Path record(Path file) throws Exception {
        VirtualClock clock = new VirtualClock();
        ScriptedDevice device = new ScriptedDevice(clock);
        PercussConfig config = PercussConfig.DEFAULT.withWarmup(java.time.Duration.ofSeconds(1));
        try (Recorder rec = Recorder.open(OutputFile.check("--record", file), Recordings.walking(), Recordings.EPOCH,
                List.of("run", "--device", "scripted"), true)) {
            // ticked on through its stops, as a scenario is (a run's ticks end at the first)
            rec.begin("scripted session", device, config, new RecordedSession(Optional.empty(), java.time.Duration.ZERO,
                    Optional.empty(), Optional.empty(), true, false));
            ControlLoop loop = ControlLoop.builder(rec.device(device), config, clock).timer(SessionPlan.of(config).timer())
                    .listener(rec.listener(LoopListener.NONE)).observer(rec).build();
            loop.selectLevel(2);
            loop.start();
            for (int t = 0; t < 450; t++) {
                switch (t) {
                    case 60 -> loop.clearFaults(); // the reported fault, gone from the reports: pending, then cleared
                    case 70 -> loop.start();
                    case 250 -> loop.emergencyStop();
                    case 310 -> loop.clearFaults(); // throws: the link is lost
                    default -> { }
                }
                loop.tick();
                rec.flushIfDue();
                clock.advanceNanos(10_000_000L);
            }
            rec.finish();
        }
        return file;
    }

    @Test
    void everyAnswerIsRecordedAndAnsweredAgain() throws Exception {
        Recording r = Recording.read(record(dir.resolve("s.rec")), false);
        List<Frame> f = r.frames();
        assertThat(f).anySatisfy(t -> assertThat(t.latchedBits() & Fault.OVER_CURRENT.mask()).isNotZero());
        assertThat(f).anySatisfy(t -> assertThat(t.clearReads()).contains(ClearStatus.PENDING));
        assertThat(f).anySatisfy(t -> assertThat(t.clearReads()).contains(ClearStatus.CLEARED));
        assertThat(f).anySatisfy(t -> {
            assertThat(t.askedPpm()).isPositive();
            assertThat(t.commandedPpm()).isZero();
        });
        assertThat(f).anySatisfy(t -> assertThat(t.clearError()).contains("scripted: no answer to CLEAR_FAULTS"));
        // what the device said of its fault reached the loop's message through the recording, and is kept
        assertThat(f).anySatisfy(t -> assertThat(t.messages()).anySatisfy(m -> assertThat(m.text())
                .isEqualTo("trip: over current: reported by the device: " + DETAIL)));
        assertThat(f.stream().flatMap(t -> t.faultDetails().stream())).containsExactly(DETAIL, "");
        assertThat(f.getLast().state()).isEqualTo(LoopState.EMERGENCY_STOP);
        assertThat(f.getLast().latchedBits()).isEqualTo(Fault.EMERGENCY_STOP.mask() | Fault.LINK_LOST.mask());
        assertThat(f.getLast().commandError()).contains("scripted: the port is gone");

        Replay.Result result = Replay.run(r, null);
        assertThat(result.identical()).as("%s", result.divergence()).isTrue();
        assertThat(result.ticks()).isEqualTo(f.size());
    }

    @Test
    void aChangedControllerDivergesAndReplayExitsOneSayingWhere() throws Exception {
        Path file = record(dir.resolve("s.rec"));
        // today's controller warms up for 2 s, not 1 s: the first tick that ramps is where it shows
        Recording r = Recording.read(file, false);
        Path changed = Recordings.withConfig(file, r.header().config().withWarmup(java.time.Duration.ofSeconds(2)),
                dir.resolve("changed.rec"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Percuss.commandLine(new Percuss());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("replay", changed.toString());
        assertThat(code).as(out + "" + err).isEqualTo(1);
        Frame ramp = r.frames().stream().filter(t -> t.state() == LoopState.RAMPING).findFirst().orElseThrow();
        assertThat(out.toString()).contains(String.format(java.util.Locale.ROOT, "diverged at tick %,d (t = %.2f s): state,"
                + " messages", ramp.index(), r.seconds(ramp)))
                .contains("  recorded: RAMPING, level 2, target 1700 ppm, command 1200 ppm, latched none, no derate")
                .contains("  now:      WARM_UP, level 2, target 1700 ppm, command 1200 ppm, latched none, no derate")
                .contains("  rule:     SpeedProfile (warmup, ramp_ppm_per_second)")
                .contains("  recorded said: RAMPING\n  now says:      (nothing)");
        assertThat(err.toString()).isEmpty();
    }
}
