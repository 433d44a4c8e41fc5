package org.percuss.controller.session;

import org.percuss.device.time.EpochClock;

/**
 * Writes a session's running time on a zone to the usage ledger as it accumulates: an entry every
 * second of running time, and the rest when the session ends, so a kill at any moment loses at
 * most a second. Called after each control tick (never inside it: writing a file allocates and
 * blocks); the entries add up to the running time exactly, to the millisecond.
 */
public final class UsageRecorder {

    private static final long STEP_NANOS = 1_000_000_000L;

    private final UsageLedger ledger;
    private final String session;
    private final String zone;
    private final EpochClock clock;
    private long recordedNanos;

    public UsageRecorder(UsageLedger ledger, String session, String zone, EpochClock clock) {
        this.ledger = ledger;
        this.session = session;
        this.zone = zone;
        this.clock = clock;
    }

    /** The session's running time is now {@code runningNanos}: records a second if one has passed. */
    public void update(long runningNanos) {
        if (runningNanos - recordedNanos >= STEP_NANOS) {
            record(runningNanos);
        }
    }

    /** The session ended with {@code runningNanos} of running time: records what is left. */
    public void finish(long runningNanos) {
        if (runningNanos - recordedNanos >= 1_000_000L) {
            record(runningNanos);
        }
    }

    private void record(long runningNanos) {
        long millis = (runningNanos - recordedNanos) / 1_000_000L;
        ledger.append(new UsageEntry(session, zone, clock.epochMillis(), millis));
        recordedNanos += millis * 1_000_000L;
    }

    /** Running time written so far. */
    public long recordedNanos() {
        return recordedNanos;
    }
}
