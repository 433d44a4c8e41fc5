package org.percuss.controller.loop;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.percuss.device.time.Ticker;

/**
 * Runs the control tick at a fixed rate on a real clock: deadlines are multiples of the period
 * from the start, so a late tick does not shift the ones after it; a tick more than a whole period
 * late is not repeated to catch up (the loop measures the real interval anyway). How the thread
 * waits for a deadline is a {@link LoopSleep}; a {@link Monitor} may watch each tick's timing.
 */
public final class RealTimeDriver implements TickDriver {

    /** Hears each tick's deadline, when it started and when it ended; must not allocate. */
    @FunctionalInterface
    public interface Monitor {
        /** Watches nothing. */
        Monitor NONE = (deadline, started, ended) -> { };

        /** One tick, on the driver's ticker: due at {@code deadline}, run from {@code started} to {@code ended}. */
        void ticked(long deadline, long started, long ended);
    }

    private final Ticker ticker;
    private final long periodNanos;
    private final LoopSleep sleep;
    private final Monitor monitor;
    private final LongConsumer park;

    /** A driver that waits the {@link LoopSleep#DEFAULT} way and reports to nobody. */
    public RealTimeDriver(Ticker ticker, Duration period) {
        this(ticker, period, LoopSleep.DEFAULT, Monitor.NONE);
    }

    /** A driver that waits the {@code sleep} way and tells {@code monitor} of every tick. */
    public RealTimeDriver(Ticker ticker, Duration period, LoopSleep sleep, Monitor monitor) {
        this(ticker, period, sleep, monitor, LockSupport::parkNanos);
    }

    /** For tests: {@code park} stands for {@code LockSupport.parkNanos}. */
    RealTimeDriver(Ticker ticker, Duration period, LoopSleep sleep, Monitor monitor, LongConsumer park) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive, got " + period);
        }
        this.ticker = ticker;
        this.periodNanos = period.toNanos();
        this.sleep = sleep;
        this.monitor = monitor;
        this.park = park;
    }

    @Override
    public void run(Runnable tick, BooleanSupplier done) {
        long next = ticker.nanos();
        while (!Thread.currentThread().isInterrupted()) {
            long started = sleep.await(ticker, next, park);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            tick.run();
            long ended = ticker.nanos();
            monitor.ticked(next, started, ended);
            if (done.getAsBoolean()) {
                return;
            }
            next += periodNanos;
            if (ended - next > periodNanos) {
                next = ended; // fell behind by more than a period: start afresh rather than burst
            }
        }
    }
}
