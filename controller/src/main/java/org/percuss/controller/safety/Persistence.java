package org.percuss.controller.safety;

/**
 * How long a condition has held without a break, on the loop's clock: the "for 100 ms" and
 * "for 1 s" of the safety rules. Allocates nothing.
 */
final class Persistence {

    private long since = -1;

    /**
     * Notes whether the condition holds at {@code nowNanos}.
     *
     * @return for how long it has held without a break, or -1 when it does not hold
     */
    long update(boolean holds, long nowNanos) {
        if (!holds) {
            since = -1;
            return -1;
        }
        if (since < 0) {
            since = nowNanos;
        }
        return nowNanos - since;
    }

    /** Whether the condition has held for at least {@code nanos} (as of the last update). */
    boolean heldFor(long nanos, long nowNanos) {
        return since >= 0 && nowNanos - since >= nanos;
    }

    void reset() {
        since = -1;
    }
}
