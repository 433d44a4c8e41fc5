package org.percuss.controller.session;

import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Ticker;

/**
 * Calendar time as the session sees it: the calendar reading when the session began, plus the time
 * that has passed on the session's own {@link Ticker} since. On real hardware that is the wall
 * clock; in the simulator it is virtual time, so a 10-minute session simulated in 0.6 s writes
 * ledger entries 10 minutes into the future, and a second one started right after it overlaps it.
 */
public final class SessionClock implements EpochClock {

    private final long startEpochMillis;
    private final long startNanos;
    private final Ticker ticker;

    public SessionClock(EpochClock calendar, Ticker ticker) {
        this.startEpochMillis = calendar.epochMillis();
        this.startNanos = ticker.nanos();
        this.ticker = ticker;
    }

    @Override
    public long epochMillis() {
        return startEpochMillis + Math.floorDiv(ticker.nanos() - startNanos, 1_000_000L);
    }
}
