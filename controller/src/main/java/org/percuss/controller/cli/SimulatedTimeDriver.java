package org.percuss.controller.cli;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.percuss.controller.loop.TickDriver;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.clock.VirtualClock;

/**
 * Runs the control tick on the simulator's {@link VirtualClock}, with simulated time running
 * {@code timeScale} times faster than the wall clock: after {@code w} wall seconds the virtual
 * clock stands at {@code w · timeScale}. Everything the simulator scheduled (physics, telemetry)
 * runs in order on the way, so the run is the same whatever the pace; the pace only decides how
 * long it takes.
 */
final class SimulatedTimeDriver implements TickDriver {

    /** Wall time between two advances: fine enough for a smooth status line. */
    private static final long PACE_NANOS = 2_000_000L;

    private final VirtualClock clock;
    private final Duration period;
    private final double timeScale;
    private final Ticker wall;

    SimulatedTimeDriver(VirtualClock clock, Duration period, double timeScale, Ticker wall) {
        this.clock = clock;
        this.period = period;
        this.timeScale = timeScale;
        this.wall = wall;
    }

    @Override
    public void run(Runnable tick, BooleanSupplier done) {
        boolean[] finished = {false};
        VirtualClock.Scheduled task = clock.scheduleAtFixedRate(Duration.ZERO, period, () -> {
            tick.run();
            finished[0] = done.getAsBoolean();
        });
        try {
            BooleanSupplier stop = () -> finished[0];
            long wallStart = wall.nanos();
            long simStart = clock.nanos();
            while (!Thread.currentThread().isInterrupted()) {
                long target = simStart + (long) ((wall.nanos() - wallStart) * timeScale);
                clock.advanceTo(Math.max(target, clock.nanos()), stop);
                if (finished[0]) {
                    return;
                }
                LockSupport.parkNanos(PACE_NANOS);
            }
        } finally {
            task.cancel();
        }
    }
}
