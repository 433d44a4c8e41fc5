package org.percuss.controller.session;

/**
 * Counts a session's running time (time with a non-zero speed commanded) against its limit, and
 * says once when the warning before the limit is due.
 *
 * <p>The limit is the session's own (at most 15 minutes, DESIGN.md rule 4) or, on a zone, the
 * zone's budget left if that is less; the session stops on the first control tick at which the
 * running time has reached it, so it never runs longer than the limit plus one tick.
 */
public final class SessionTimer {

    private final long sessionLimitNanos;
    private final long limitNanos;
    private final String zone;
    private final long warningLeadNanos;
    private long runningNanos;
    private boolean warned;

    /**
     * A session on no zone.
     *
     * @param limitNanos the most running time of the session
     * @param warningLeadNanos how long before the limit the warning is due
     */
    public SessionTimer(long limitNanos, long warningLeadNanos) {
        this(limitNanos, Long.MAX_VALUE, "", warningLeadNanos);
    }

    /**
     * A session on a zone.
     *
     * @param sessionLimitNanos the session's own limit
     * @param zoneLeftNanos the zone's budget left
     * @param zone the zone's name
     * @param warningLeadNanos how long before the limit the warning is due
     */
    public SessionTimer(long sessionLimitNanos, long zoneLeftNanos, String zone, long warningLeadNanos) {
        if (sessionLimitNanos <= 0 || zoneLeftNanos <= 0) {
            throw new IllegalArgumentException("a session needs running time: limit " + sessionLimitNanos
                    + " ns, zone budget left " + zoneLeftNanos + " ns");
        }
        this.sessionLimitNanos = sessionLimitNanos;
        this.limitNanos = Math.min(sessionLimitNanos, zoneLeftNanos);
        this.zone = zone;
        this.warningLeadNanos = warningLeadNanos;
    }

    /** Whether the zone's budget, not the session's own limit, is what will end the session. */
    public boolean zoneIsTheLimit() {
        return limitNanos < sessionLimitNanos;
    }

    /** The zone's name, or empty. */
    public String zone() {
        return zone;
    }

    /** Adds {@code nanos} of running time. */
    public void addRunning(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("running time cannot go back: " + nanos + " ns");
        }
        runningNanos += nanos;
    }

    public long runningNanos() {
        return runningNanos;
    }

    public long limitNanos() {
        return limitNanos;
    }

    public long remainingNanos() {
        return Math.max(0, limitNanos - runningNanos);
    }

    public boolean limitReached() {
        return runningNanos >= limitNanos;
    }

    /**
     * True exactly once: the first time the remaining time is at most the warning lead, or, for a
     * limit no longer than twice the lead (a session of two minutes or less, by default), at half
     * the limit: every session with a limit gets its warning (issue 11).
     */
    public boolean takeWarning() {
        if (!warned && !limitReached() && remainingNanos() <= warningAtRemaining()) {
            warned = true;
            return true;
        }
        return false;
    }

    /** How much running time is left when the warning comes: the lead, or half a short limit. */
    long warningAtRemaining() {
        return Math.min(warningLeadNanos, limitNanos / 2);
    }
}
