package org.percuss.controller.config;

import java.time.Duration;

/**
 * DESIGN.md rule 6, gentle pressure: sustained high motor current (pressing too hard) derates to
 * the lowest level; current above the trip limit is a fault.
 *
 * @param derateAmps current above which, sustained for {@code derateAfter}, the speed drops to the lowest level
 * @param derateAfter how long the current must stay above {@code derateAmps}
 * @param tripAmps current above which, sustained for {@code tripAfter}, the motor trips (OVER_CURRENT)
 * @param tripAfter how long the current must stay above {@code tripAmps}
 */
public record CurrentLimits(double derateAmps, Duration derateAfter, double tripAmps, Duration tripAfter) {

    /** 3.0 A for 1 s derates; 4.0 A for 100 ms trips. */
    public static final CurrentLimits DEFAULT =
            new CurrentLimits(3.0, Duration.ofSeconds(1), 4.0, Duration.ofMillis(100));
}
