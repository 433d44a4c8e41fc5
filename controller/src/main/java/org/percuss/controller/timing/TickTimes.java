package org.percuss.controller.timing;

import org.percuss.controller.loop.RealTimeDriver;

/**
 * What the real-time driver's ticks looked like: each tick's lateness (its start less its
 * deadline) in a {@link LatencyHistogram}, the longest tick, and the overruns. An <em>overrun</em>
 * is a tick that ended after the next tick's deadline (its lateness plus its own duration exceeds
 * the period), so the tick after it could not start on time: a tick that started a whole period
 * late, or one that took longer than a period, is one. Allocates nothing per tick.
 */
public final class TickTimes implements RealTimeDriver.Monitor {

    private final long periodNanos;
    private final LatencyHistogram lateness = new LatencyHistogram();
    private long overruns;
    private long longestTickNanos;
    private long firstStart;
    private long lastEnd;

    public TickTimes(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    @Override
    public void ticked(long deadline, long started, long ended) {
        if (lateness.count() == 0) {
            firstStart = started;
        }
        lastEnd = ended;
        lateness.record(started - deadline);
        long took = ended - started;
        longestTickNanos = Math.max(longestTickNanos, took);
        if (ended - deadline > periodNanos) {
            overruns++;
        }
    }

    /** Each tick's start less its deadline. */
    public LatencyHistogram lateness() {
        return lateness;
    }

    /** Ticks that ended after the next tick's deadline. */
    public long overruns() {
        return overruns;
    }

    /** The longest time a tick took, start to end. */
    public long longestTickNanos() {
        return longestTickNanos;
    }

    /** From the first tick's start to the last tick's end. */
    public long spanNanos() {
        return lateness.count() == 0 ? 0 : lastEnd - firstStart;
    }
}
