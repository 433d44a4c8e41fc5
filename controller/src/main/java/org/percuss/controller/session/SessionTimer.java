package org.percuss.controller.session;

/**
 * Counts a session's running time (time with a non-zero speed commanded) against its limit, and
 * says once when the warning before the limit is due.
 *
 * <p>The limit is at most 15 minutes (DESIGN.md rule 4); the session stops on the first control
 * tick at which the running time has reached it, so it never runs longer than the limit plus one
 * tick.
 */
public final class SessionTimer {

    private final long limitNanos;
    private final long warningLeadNanos;
    private long runningNanos;
    private boolean warned;

    /**
     * @param limitNanos the most running time of the session
     * @param warningLeadNanos how long before the limit the warning is due
     */
    public SessionTimer(long limitNanos, long warningLeadNanos) {
        if (limitNanos <= 0) {
            throw new IllegalArgumentException("session limit must be positive, got " + limitNanos + " ns");
        }
        this.limitNanos = limitNanos;
        this.warningLeadNanos = warningLeadNanos;
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
     * True exactly once: the first time the remaining time is at most the warning lead. A limit no
     * longer than the lead gets no warning: there is no moment "a minute before" it to give one.
     */
    public boolean takeWarning() {
        if (!warned && limitNanos > warningLeadNanos && !limitReached() && remainingNanos() <= warningLeadNanos) {
            warned = true;
            return true;
        }
        return false;
    }
}
