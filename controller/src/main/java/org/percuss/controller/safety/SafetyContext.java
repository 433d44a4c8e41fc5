package org.percuss.controller.safety;

import org.percuss.device.api.Capability;

/**
 * What a safety rule may know of the control loop besides the telemetry: the speed it commanded on
 * the previous tick, whether the motor is meant to turn, and the usable levels and their speeds.
 * Also a place to give the user a warning that is not yet a derate or a trip. Reading it
 * allocates nothing.
 */
public interface SafetyContext {

    /** The speed commanded on the previous tick; 0 when stopped. */
    int commandedPpm();

    /** Whether the motor is meant to turn (warm-up, ramping or running). */
    boolean motorOn();

    /** The lowest usable level (1-based). */
    int firstLevel();

    /** The highest usable level. */
    int lastLevel();

    /** The speed of {@code level}. */
    int ppmOf(int level);

    /** Whether the device has a sensor or input of this kind (a rule without its sensor is off). */
    boolean has(Capability capability);

    /**
     * What the device says of its latched faults beyond their names ("INA219 at 0x40 on bus 1: no
     * answer"), or empty; {@link org.percuss.device.api.PercussionDevice#faultDetail()}.
     */
    String deviceFaultDetail();

    /** The device's telemetry period, in nanoseconds. */
    long telemetryPeriodNanos();

    /**
     * Tells the user something a rule sees coming (held still for 10 s, say). Call it on the
     * transition only, never every tick: it builds a message.
     */
    void warn(String message);

    /**
     * Reports a derate beginning or ending, or a trip, in words with the measured value and the
     * limit. Called by the supervisor on transitions only.
     */
    void event(String message);
}
