package org.percuss.controller.config;

/**
 * DESIGN.md rule 8: over-temperature derates, then trips. From {@code derateFromCelsius} the
 * highest allowed speed falls linearly, reaching the lowest level at {@code lowestAtCelsius}; at
 * {@code tripCelsius} the motor trips (OVER_TEMPERATURE).
 *
 * @param derateFromCelsius where derating begins
 * @param lowestAtCelsius where only the lowest level is left
 * @param tripCelsius where the motor trips
 */
public record ThermalLimits(double derateFromCelsius, double lowestAtCelsius, double tripCelsius) {

    /** Derate from 60 °C, lowest level at 75 °C, trip at 80 °C. */
    public static final ThermalLimits DEFAULT = new ThermalLimits(60, 75, 80);
}
