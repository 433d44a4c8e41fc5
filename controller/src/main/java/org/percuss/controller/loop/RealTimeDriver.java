package org.percuss.controller.loop;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.percuss.device.time.Ticker;

/**
 * Runs the control tick at a fixed rate on a real clock: deadlines are multiples of the period
 * from the start, so a late tick does not shift the ones after it; a tick more than a whole period
 * late is not repeated to catch up (the loop measures the real interval anyway).
 */
public final class RealTimeDriver implements TickDriver {

    private final Ticker ticker;
    private final long periodNanos;

    public RealTimeDriver(Ticker ticker, Duration period) {
        this.ticker = ticker;
        this.periodNanos = period.toNanos();
    }

    @Override
    public void run(Runnable tick, BooleanSupplier done) {
        long next = ticker.nanos();
        while (!Thread.currentThread().isInterrupted()) {
            long wait;
            while ((wait = next - ticker.nanos()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            tick.run();
            if (done.getAsBoolean()) {
                return;
            }
            next += periodNanos;
            long now = ticker.nanos();
            if (now - next > periodNanos) {
                next = now; // fell behind by more than a period: start afresh rather than burst
            }
        }
    }
}
