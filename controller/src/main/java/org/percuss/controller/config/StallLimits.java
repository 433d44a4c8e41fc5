package org.percuss.controller.config;

import java.time.Duration;

/**
 * DESIGN.md rule 6: a stalled rotor is a fault. The rotor is stalled when the measured speed stays
 * below {@code fraction} of the commanded speed for {@code after}.
 *
 * @param fraction measured / commanded below which the rotor counts as stalled (0..1)
 * @param after how long it must stay below
 */
public record StallLimits(double fraction, Duration after) {

    /** Below 30 % of the command for 500 ms. */
    public static final StallLimits DEFAULT = new StallLimits(0.30, Duration.ofMillis(500));
}
