package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.EnumSet;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.clock.VirtualClock;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: the control tick allocates nothing in steady state. Measured with the JVM's
 * per-thread allocation counter over whole sessions (warm-up, ramp, running, limit), against a
 * device that itself allocates nothing, so every byte counted is the loop's.
 */
class TickAllocationTest {

    /** A device that answers with one fixed telemetry report and ignores commands. */
    private static final class QuietDevice implements PercussionDevice {
        private final Telemetry telemetry = new Telemetry(0, 2000, 1.2, 35, 16, Inputs.NONE, FaultSet.NONE, 0);
        private final Capabilities caps = new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);
        int lastCommand;

        @Override public String name() { return "quiet"; }
        @Override public Capabilities capabilities() { return caps; }
        @Override public void commandSpeed(int targetPpm) { lastCommand = targetPpm; }
        @Override public void stop() { lastCommand = 0; }
        @Override public Telemetry telemetry() { return telemetry; }
        @Override public boolean clearFaults() { return true; }
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

    private static long measure() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        VirtualClock clock = new VirtualClock();
        QuietDevice device = new QuietDevice();
        ControlLoop loop = ControlLoop.create(device, PercussConfig.DEFAULT, clock, LoopListener.NONE);
        loop.selectLevel(5);
        loop.start();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < TICKS; i++) {
            loop.tick();
            clock.advanceNanos(10_000_000L);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
        assertThat(device.lastCommand).isEqualTo(3200);
        return allocated;
    }
}
