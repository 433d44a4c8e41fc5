package org.percuss.simulator.fault;

import java.util.Locale;

/**
 * A fault a firmware tester can inject into the simulated gun, by its name in scenario files
 * ({@code thermal-runaway}). What each does is in {@link FaultInjector}.
 */
public enum InjectedFault {
    /** The mechanism jams: the rotor is blocked. */
    STALL,
    /** A shorted turn or failing driver draws 5 A more than the motor's work needs. */
    OVER_CURRENT,
    /** The cooling is lost (a stopped fan, blocked vents): thermal resistance ×10. */
    THERMAL_RUNAWAY,
    /** A weak or cold battery: internal resistance ×8, so the supply sags under load. */
    BATTERY_SAG,
    /** The board's supply dips and its microcontroller resets (momentary). */
    BROWN_OUT,
    /** The current and temperature sensors stop updating. */
    FROZEN_SENSOR,
    /** Every sensor is twenty times noisier. */
    NOISY_SENSOR,
    /** The tachometer reads zero. */
    TACHOMETER_LOSS,
    /** The emergency-stop input is active. */
    EMERGENCY_STOP,
    /** Nothing gets through the link either way. */
    LINK_DROP,
    /** One packet in five is lost to corrupted bytes, either way. */
    CORRUPTED_BYTES,
    /** Everything on the link arrives 50 ms late. */
    DELAYED_BYTES;

    /** The name in scenario files: {@code thermal-runaway}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether it acts on the link rather than on the gun. */
    public boolean onLink() {
        return this == LINK_DROP || this == CORRUPTED_BYTES || this == DELAYED_BYTES;
    }

    /** The fault with this scenario name, or {@code null}. */
    public static InjectedFault ofKey(String key) {
        for (InjectedFault f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        return null;
    }
}
