package org.percuss.controller.loop;

/**
 * Where a session is, in words a user can read: the state machine of the control loop.
 *
 * <pre>
 *   IDLE ──start──▶ WARM_UP ──warm-up done──▶ RAMPING ──at target──▶ RUNNING
 *     ▲                  │ pause / level down / derate ◀───────────────┘
 *     │               PAUSED ──start──▶ WARM_UP (lowest level, fresh warm-up)
 *     └─cleared── FAULT / EMERGENCY_STOP ◀── any trip, from any state (latched)
 *   FINISHED ◀── session limit, zone budget, interrupt (final)
 * </pre>
 */
public enum LoopState {
    /** Stopped, ready to start. */
    IDLE("idle"),
    /** Holding the lowest level after a start or resume. */
    WARM_UP("warm-up"),
    /** Increasing towards the target speed at the ramp rate. */
    RAMPING("ramping"),
    /** At the target speed. */
    RUNNING("running"),
    /** Stopped by the user; a start resumes from the lowest level. */
    PAUSED("paused"),
    /** Stopped by a fault; latched until cleared. */
    FAULT("fault"),
    /** Stopped by the emergency stop; latched until cleared. */
    EMERGENCY_STOP("emergency stop"),
    /** The session is over. */
    FINISHED("finished");

    private final String label;

    LoopState(String label) {
        this.label = label;
    }

    /** The state in words, for status lines and messages. */
    public String label() {
        return label;
    }

    /**
     * The line that says this state was entered and why: {@code "fault: over-current: 4.3 A ..."}.
     * A reason that already begins with the state's words (an emergency stop's is the fault's name,
     * {@code "emergency stop: requested by the user"}) is not prefixed again.
     */
    public String line(String why) {
        return why.isEmpty() ? label : why.startsWith(label + ": ") ? why : label + ": " + why;
    }

    /** Whether the motor is commanded to turn in this state. */
    public boolean motorOn() {
        return this == WARM_UP || this == RAMPING || this == RUNNING;
    }

    /** Whether this is a latched safety stop. */
    public boolean latched() {
        return this == FAULT || this == EMERGENCY_STOP;
    }
}
