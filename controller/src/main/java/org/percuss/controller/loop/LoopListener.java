package org.percuss.controller.loop;

/**
 * Hears about the control loop's events: state changes and warnings. Called from the loop's
 * thread, inside the tick, only when something happens (never in steady state); implementations
 * must return quickly.
 */
public interface LoopListener {

    /** Hears nothing. */
    LoopListener NONE = new LoopListener() {
    };

    /** The loop moved from {@code from} to {@code to}; {@code why} says why, in words. */
    default void stateChanged(LoopState from, LoopState to, String why) {
    }

    /** Something the user should know, such as the session ending in a minute. */
    default void warning(String message) {
    }

    /** A safety rule began or ended a derate, or tripped; the message has the value and the limit. */
    default void safetyEvent(String message) {
    }
}
