package org.percuss.controller.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.percuss.controller.config.Zone;

/**
 * A zone's budget against the ledger (DESIGN.md rule 4): running time counts against a zone when
 * it ended within the last 60 minutes, or later. "Or later": entries from the future (a clock that
 * was set back, a simulated session run faster than real time) count against the user, not for
 * them.
 *
 * @param zone the zone
 * @param usedMillis running time counted against it now
 * @param availableAgainEpochMillis when it next has time left: now if it has some, else the moment
 *        enough of the counted time has aged out of the window
 */
public record ZoneBudget(Zone zone, long usedMillis, long availableAgainEpochMillis) {

    /** The budget of {@code zone} at {@code nowEpochMillis}, from the ledger's entries. */
    public static ZoneBudget of(Zone zone, List<UsageEntry> entries, long nowEpochMillis) {
        long windowStart = nowEpochMillis - Zone.WINDOW.toMillis();
        List<UsageEntry> counted = new ArrayList<>();
        long used = 0;
        for (UsageEntry e : entries) {
            if (e.zone().equals(zone.name()) && e.endEpochMillis() >= windowStart && e.runningMillis() > 0) {
                counted.add(e);
                used = saturatingAdd(used, e.runningMillis());
            }
        }
        long budget = zone.budget().toMillis();
        long again = nowEpochMillis;
        if (used >= budget) {
            // The oldest pieces leave the window first: each stops counting 1 ms after end + 60 min.
            counted.sort(Comparator.comparingLong(UsageEntry::endEpochMillis));
            long remaining = used;
            for (UsageEntry e : counted) {
                remaining -= e.runningMillis();
                if (remaining < budget) {
                    again = e.endEpochMillis() + Zone.WINDOW.toMillis() + 1;
                    break;
                }
            }
        }
        return new ZoneBudget(zone, used, again);
    }

    /** {@code a + b}, or the largest long rather than a wrapped, negative sum: a ledger never grants time by overflowing. */
    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        // overflow iff both operands have the sign opposite to the sum's (Hacker's Delight 2-13)
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** Running time left now. */
    public Duration left() {
        return Duration.ofMillis(Math.max(0, zone.budget().toMillis() - usedMillis));
    }

    public boolean exhausted() {
        return left().isZero();
    }
}
