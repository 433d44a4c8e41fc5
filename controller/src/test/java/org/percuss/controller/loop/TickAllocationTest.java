package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.EnumSet;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.clock.VirtualClock;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: the control tick allocates nothing in steady state. Measured with the JVM's
 * per-thread allocation counter over 13 minutes of ticks (warm-up, ramp, running) with every
 * safety rule on, against a device that itself allocates nothing, so every byte counted is the
 * loop's.
 */
class TickAllocationTest {

    /**
     * A device whose telemetry is always fresh (so the stale-telemetry rule stays quiet) without
     * allocating: one report per tick, all built before the measurement starts.
     */
    private static final class QuietDevice implements PercussionDevice {
        private final VirtualClock clock;
        private final Telemetry[] reports = new Telemetry[TICKS + 1];
        private final Capabilities caps = new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);
        int lastCommand;

        QuietDevice(VirtualClock clock) {
            this.clock = clock;
            Inputs moving = Inputs.NONE.with(Input.MOTION, true);
            for (int i = 0; i < reports.length; i++) {
                reports[i] = new Telemetry(i * TICK_NANOS, 2000, 1.2, 35, 16, moving, FaultSet.NONE, i * 10L);
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
    void ticksThroughWarmUpRampAndRunningAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < 3; i++) {
            measure(); // load classes, link call sites, let the JIT settle
        }
        long[] runs = {measure(), measure(), measure()};
        // Interpreted, a tick allocates nothing at all. Compiled code may, rarely, re-materialise a
        // few hundred bytes when it deoptimises; that is the JIT's, not the tick's. Any allocation
        // by the tick itself costs at least 16 bytes each time, so it would show in every run and
        // exceed one byte per tick.
        assertThat(runs).as("bytes allocated by %d ticks, in three runs", TICKS).contains(0L);
        assertThat(Arrays.stream(runs).max().orElseThrow()).isLessThan(TICKS);
    }

    /** 13 minutes of ticks: warm-up, ramp to level 5, running; before the 14:00 warning. */
    private static final int TICKS = 13 * 60 * 100;
    private static final long TICK_NANOS = 10_000_000L;

    private static long measure() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        VirtualClock clock = new VirtualClock();
        QuietDevice device = new QuietDevice(clock);
        ControlLoop loop = ControlLoop.builder(device, PercussConfig.DEFAULT, clock).build();
        loop.selectLevel(5);
        loop.start();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < TICKS; i++) {
            loop.tick();
            clock.advanceNanos(TICK_NANOS);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
        assertThat(device.lastCommand).isEqualTo(3200);
        return allocated;
    }
}
