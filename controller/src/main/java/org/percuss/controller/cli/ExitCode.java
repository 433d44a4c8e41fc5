package org.percuss.controller.cli;

import org.percuss.controller.loop.StopReason;

/** The exit codes of {@code percuss} (DESIGN.md): what a script can tell from how a run ended. */
public final class ExitCode {

    /** A normal end: the limit was reached, the user interrupted, the zone budget ended it. */
    public static final int OK = 0;
    /** A scenario expectation failed ({@code percuss simulate}). */
    public static final int EXPECTATION_FAILED = 1;
    /** A usage or configuration error: nothing was started. */
    public static final int USAGE = 2;
    /** The device or its link failed, or an output file could not be written. */
    public static final int DEVICE = 3;
    /** A safety stop: a fault or the emergency stop. */
    public static final int SAFETY_STOP = 4;

    private ExitCode() {
    }

    /** The exit code for a session that ended for {@code reason}. */
    public static int of(StopReason reason) {
        return switch (reason) {
            case SESSION_LIMIT, ZONE_BUDGET, INTERRUPTED -> OK;
            case LINK_LOST, OUTPUT_ERROR -> DEVICE;
            case FAULT, EMERGENCY_STOP -> SAFETY_STOP;
        };
    }
}
