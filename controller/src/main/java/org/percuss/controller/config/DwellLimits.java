package org.percuss.controller.config;

import java.time.Duration;

/**
 * DESIGN.md rule 5, keep it moving: with a motion sensor, a device held still while running is
 * warned after {@code warnAfter} and dropped to the lowest level after {@code derateAfter}, until
 * it moves again.
 *
 * @param warnAfter how long held still before the warning
 * @param derateAfter how long held still before the drop to the lowest level
 */
public record DwellLimits(Duration warnAfter, Duration derateAfter) {

    /** Warn after 10 s, lowest level after 20 s. */
    public static final DwellLimits DEFAULT = new DwellLimits(Duration.ofSeconds(10), Duration.ofSeconds(20));
}
