package org.percuss.controller.loop;

/** Why a session ended: what the summary says and what the exit code follows from. */
public enum StopReason {
    /** The session's running-time limit was reached. */
    SESSION_LIMIT("session limit reached"),
    /** The zone's budget of running time was used up. */
    ZONE_BUDGET("zone budget used up"),
    /** The user interrupted it (Ctrl-C, SIGTERM, a stop command). */
    INTERRUPTED("interrupted"),
    /** A safety rule or the device tripped a fault. */
    FAULT("safety stop"),
    /** The emergency stop. */
    EMERGENCY_STOP("emergency stop"),
    /** The link to the device failed. */
    LINK_LOST("link lost"),
    /** A file the session writes (its trace, the usage ledger) could not be written. */
    OUTPUT_ERROR("output error");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this is a normal end of a session (not a stop for safety or an error). */
    public boolean normal() {
        return this == SESSION_LIMIT || this == ZONE_BUDGET || this == INTERRUPTED;
    }
}
