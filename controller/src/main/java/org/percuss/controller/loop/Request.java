package org.percuss.controller.loop;

/**
 * What a user can ask of the control loop between two ticks: the closed set of requests that
 * {@link ControlLoop}'s request methods queue and the next tick takes all at once. Read after a
 * tick with {@link ControlLoop#requestsTaken()} (as bits, {@link #mask()}), for a recording of what
 * entered the loop; a replay asks them again through the same methods.
 */
public enum Request {
    /** {@link ControlLoop#start()}. */
    START,
    /** {@link ControlLoop#pause()}. */
    PAUSE,
    /** {@link ControlLoop#emergencyStop()}. */
    EMERGENCY_STOP,
    /** {@link ControlLoop#clearFaults()}. */
    CLEAR,
    /** {@link ControlLoop#finish}, with {@link ControlLoop#finishTaken()}. */
    FINISH,
    /** {@link ControlLoop#selectLevel}, with {@link ControlLoop#levelTaken()}. */
    LEVEL;

    /** This request's bit in {@link ControlLoop#requestsTaken()}. */
    public int mask() {
        return 1 << ordinal();
    }

    /** Whether {@code bits} hold this request. */
    public boolean in(int bits) {
        return (bits & mask()) != 0;
    }
}
