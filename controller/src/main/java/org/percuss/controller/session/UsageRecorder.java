package org.percuss.controller.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.device.time.EpochClock;

/**
 * Writes a session's running time on a zone to the usage ledger, claiming it a step ahead: before
 * the motor starts the first second is claimed, and each next second when the running time comes
 * within half a second of what is claimed. Every claim is made under the ledger's lock after
 * reading what every other session on the machine has written, and is at most what the zone has
 * left, so sessions running together on one zone never run more than its budget between them (to
 * within a control tick); when nothing is left the session is told to stop.
 *
 * <p>What the ledger holds is therefore never less than the running time: a kill at any moment
 * loses nothing, and a session that ends between claims (a Ctrl-C, a fault) is charged up to a
 * second and a half it did not run. A session that ends at its limit is charged exactly, as
 * claims never go past the session's own limit.
 *
 * <p>Called after each control tick, never inside it; the loop's thread waits for the lock only
 * when the claimed time is about to run out: {@link #update} tries it, and tries again on the next
 * tick while there is time, then waits at most {@link #LAST_CHANCE_PATIENCE}; a lock held longer
 * than that (by a process stopped while it held it) fails the session ({@link Verdict#FAILED}),
 * which stops rather than run on time it could not claim.
 */
public final class UsageRecorder {

    /** What the session should do after an {@link #update}. */
    public enum Verdict {
        /** Go on. */
        GO_ON,
        /** The zone's budget is spent (by this session and any others): stop. */
        BUDGET_SPENT,
        /** The ledger cannot be written ({@link #failure()}): stop. */
        FAILED
    }

    static final long STEP_NANOS = 1_000_000_000L;
    /** How far ahead of the running time the next claim is made. */
    static final long AHEAD_NANOS = 500_000_000L;
    /** Closer than this to the end of the claimed time with the lock still taken: wait for it. */
    static final long LAST_CHANCE_NANOS = 50_000_000L;
    /**
     * How long the loop's thread then waits for the lock before the session stops: another session
     * holds it for milliseconds. 100 ms, so that with a 10 ms tick the board hears the host again
     * within 110 ms, well inside its 250 ms watchdog (PROTOCOL.md), and a real motor does not trip.
     */
    static final Duration LAST_CHANCE_PATIENCE = Duration.ofMillis(100);
    private static final long MS = 1_000_000L;

    private final UsageLedger ledger;
    private final String session;
    private final Zone zone;
    private final EpochClock clock;
    private final long limitNanos;
    private long claimedNanos;
    private long usedMillis;
    private FileProblem failure;
    /** The zone's entries in the window, as of the last claim: kept, so a claim reads only what is new. */
    private final List<UsageEntry> zoneEntries = new ArrayList<>();
    private int entriesSeen;
    private int generationSeen = -1;

    /**
     * @param ledger the ledger, open for writing
     * @param session this session's id
     * @param zone the zone, whose budget the claims respect
     * @param clock the session's calendar clock, for the entries' end times
     * @param limitNanos the session's own limit: no claim goes past it
     */
    public UsageRecorder(UsageLedger ledger, String session, Zone zone, EpochClock clock, long limitNanos) {
        this.ledger = ledger;
        this.session = session;
        this.zone = zone;
        this.clock = clock;
        this.limitNanos = limitNanos;
    }

    /**
     * Claims the first second, before the motor starts.
     *
     * @return false when the zone has nothing left (another session has just used it)
     * @throws FileProblem when the ledger cannot be read or written
     */
    public boolean start() throws FileProblem {
        try (UsageLedger.Lock lock = ledger.lock()) {
            return claim(lock);
        }
    }

    /** The session's running time is now {@code runningNanos}: claims the next second when it is due. */
    public Verdict update(long runningNanos) {
        if (failure != null) {
            return Verdict.FAILED;
        }
        if (claimedNanos >= limitNanos || runningNanos < claimedNanos - AHEAD_NANOS) {
            return Verdict.GO_ON;
        }
        try {
            UsageLedger.Lock taken = ledger.tryLock();
            if (taken == null) {
                if (runningNanos < claimedNanos - LAST_CHANCE_NANOS) {
                    return Verdict.GO_ON; // another session is at it: try again on the next tick
                }
                // the claimed time is running out: wait for the other session's read and append
                // (milliseconds) rather than run on unclaimed; a process that holds the lock longer
                // (stopped while it held it) stops this session, which cannot claim its time
                taken = ledger.lock(LAST_CHANCE_PATIENCE);
            }
            try (UsageLedger.Lock lock = taken) {
                return claim(lock) ? Verdict.GO_ON : Verdict.BUDGET_SPENT;
            }
        } catch (FileProblem e) {
            failure = e;
            return Verdict.FAILED;
        }
    }

    /** Claims the next piece: a second, or what the zone or the session has left. False when the zone has nothing left. */
    private boolean claim(UsageLedger.Lock lock) throws FileProblem {
        long now = clock.epochMillis();
        List<UsageEntry> entries = lock.entries(now);
        if (ledger.generation() != generationSeen) {
            // first claim, or the file was cut short by hand and read again
            generationSeen = ledger.generation();
            entriesSeen = 0;
            zoneEntries.clear();
        }
        long windowStart = now - Zone.WINDOW.toMillis();
        for (int i = entriesSeen; i < entries.size(); i++) {
            UsageEntry e = entries.get(i);
            if (e.zone().equals(zone.name()) && e.endEpochMillis() >= windowStart) {
                zoneEntries.add(e);
            }
        }
        entriesSeen = entries.size();
        // the session's clock only goes forward: what has left the window stays out
        zoneEntries.removeIf(e -> e.endEpochMillis() < windowStart);
        ZoneBudget budget = ZoneBudget.of(zone, zoneEntries, now);
        usedMillis = budget.usedMillis();
        long zoneLeft = budget.left().toMillis();
        long want = Math.min(STEP_NANOS / MS, Math.min(zoneLeft, (limitNanos - claimedNanos) / MS));
        if (want <= 0) {
            return zoneLeft > 0;
        }
        lock.append(new UsageEntry(session, zone.name(), now + want, want));
        claimedNanos += want * MS;
        usedMillis += want;
        return true;
    }

    /**
     * The session ended with {@code runningNanos} of running time: records what ran beyond the
     * claims (nothing, unless the last tick went past them).
     *
     * @throws FileProblem when it cannot be written
     */
    public void finish(long runningNanos) throws FileProblem {
        long excess = (runningNanos - claimedNanos + MS - 1) / MS;
        if (excess <= 0 || failure != null) {
            return;
        }
        try (UsageLedger.Lock lock = ledger.lock()) {
            long now = clock.epochMillis();
            lock.append(new UsageEntry(session, zone.name(), now, excess));
            claimedNanos += excess * MS;
            usedMillis += excess;
        }
    }

    /** Why the ledger could not be written, or {@code null}. */
    public FileProblem failure() {
        return failure;
    }

    /** Running time written so far (claimed), nanoseconds. */
    public long recordedNanos() {
        return claimedNanos;
    }

    /** The zone's running time in the last hour, as of the last claim, this session's claims included. */
    public long zoneUsedMillis() {
        return usedMillis;
    }
}
