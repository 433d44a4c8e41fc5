package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.clock.VirtualClock;

/**
 * Recording adds nothing to what the control tick allocates (DESIGN.md: nothing in steady state):
 * the same measurement as {@code TickAllocationTest} — the JVM's per-thread allocation counter over
 * 13 minutes of ticks — with the recorder between the loop and its device, observing every tick,
 * and writing its blocks to a real file once a (simulated) wall-clock second, as a live session does.
 */
class RecorderAllocationTest {

    private static final int TICKS = 13 * 60 * 100;
    private static final long TICK_NANOS = 10_000_000L;

    @TempDir
    Path dir;

    /** Fresh telemetry every tick, all built before the measurement, with readings that change. */
    private static final class QuietDevice implements PercussionDevice {
        private final VirtualClock clock;
        private final Telemetry[] reports = new Telemetry[TICKS + 1];
        private final Capabilities caps = new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);
        int lastCommand;

        QuietDevice(VirtualClock clock) {
            this.clock = clock;
            Inputs moving = Inputs.NONE.with(Input.MOTION, true);
            for (int i = 0; i < reports.length; i++) {
                reports[i] = new Telemetry(i * TICK_NANOS, 2000 + i % 5, (1200 + i % 17) / 1000.0, (350 + i % 3) / 10.0,
                        (16000 - i % 11) / 1000.0, moving, FaultSet.NONE, i * 10L);
            }
        }

        @Override public String name() { return "quiet"; }
        @Override public Capabilities capabilities() { return caps; }
        @Override public int commandSpeed(int targetPpm) { lastCommand = targetPpm; return targetPpm; }
        @Override public void stop() { lastCommand = 0; }
        @Override public Telemetry telemetry() { return reports[(int) (clock.nanos() / TICK_NANOS)]; }
        @Override public void requestClearFaults() { }
        @Override public ClearStatus clearStatus() { return ClearStatus.NONE; }
        @Override public void close() { }
    }

    @Test
    void recordingTicksThroughWarmUpRampAndRunningAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < 3; i++) {
            measure(i); // load classes, link call sites, let the JIT settle
        }
        long[] runs = {measure(3), measure(4), measure(5)};
        // as in TickAllocationTest: an allocation per tick would show in every run as at least 16 bytes a tick
        assertThat(runs).as("bytes allocated by %d recorded ticks, in three runs", TICKS).contains(0L);
        assertThat(Arrays.stream(runs).max().orElseThrow()).isLessThan(TICKS);
    }

    private long measure(int run) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        VirtualClock clock = new VirtualClock();
        QuietDevice device = new QuietDevice(clock);
        Path file = dir.resolve("run-" + run + ".rec");
        long[] wall = {0};
        try (Recorder rec = Recorder.open(OutputFile.check("--record", file), () -> wall[0], Recordings.EPOCH,
                List.of("test"), true)) {
            rec.begin("quiet", device, PercussConfig.DEFAULT, RecordedSession.ofRun(Optional.empty(),
                    java.time.Duration.ZERO, Optional.empty(), Optional.empty()));
            ControlLoop loop = ControlLoop.builder(rec.device(device), PercussConfig.DEFAULT, clock)
                    .listener(rec.listener(LoopListener.NONE)).observer(rec).build();
            loop.selectLevel(5);
            loop.start();
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < TICKS; i++) {
                loop.tick();
                rec.flushIfDue();
                clock.advanceNanos(TICK_NANOS);
                wall[0] += TICK_NANOS;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
            assertThat(device.lastCommand).isEqualTo(3200);
            rec.finish();
            assertThat(Recording.read(file, false).frames()).hasSize(TICKS);
            assertThat(Files.size(file)).isGreaterThan(TICKS * 2L);
            return allocated;
        }
    }
}
