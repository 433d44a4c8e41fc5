package org.percuss.device.api;

/**
 * Where the latest request to clear a device's latched faults stands. A clear is a question to
 * the device that takes time to answer (a packet, its acknowledgement, then a fresh report), so it
 * is asked with {@link PercussionDevice#requestClearFaults()} and the control loop looks at the
 * answer on its later ticks; nothing in a control tick waits for it.
 */
public enum ClearStatus {
    /** No clear has been requested since the device was opened. */
    NONE,
    /** Requested; the answer has not come yet. */
    PENDING,
    /** Every latched fault was cleared, and the latest telemetry was measured after the clear. */
    CLEARED,
    /** The device refused: a fault condition is still present there. */
    REFUSED,
    /** The device did not answer in time (a lossy or cut link, a board resetting). */
    NO_ANSWER;

    /** Whether the answer has come (or is known not to be coming). */
    public boolean settled() {
        return this != PENDING;
    }
}
