package org.percuss.controller.config;

import static org.percuss.controller.config.ConfigSection.field;

import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

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

    static final Setting DERATE_FROM = Setting.number("temperature.derate_from_c", 30, 100, "°C");
    static final Setting LOWEST_AT = Setting.number("temperature.lowest_at_c", 30, 110, "°C");
    static final Setting TRIP = Setting.number("temperature.trip_c", 30, 120, "°C");

    /** Derate from 60 °C, lowest level at 75 °C, trip at 80 °C. */
    public static final ThermalLimits DEFAULT = new ThermalLimits(60, 75, 80);

    /** The {@code temperature} section of a configuration file. */
    static final ConfigSection<ThermalLimits> SECTION = ConfigSection.of("temperature",
            v -> new ThermalLimits(v.number(DERATE_FROM), v.number(LOWEST_AT), v.number(TRIP)),
            field(DERATE_FROM, ThermalLimits::derateFromCelsius), field(LOWEST_AT, ThermalLimits::lowestAtCelsius),
            field(TRIP, ThermalLimits::tripCelsius));

    /** @throws InvalidSetting naming the key, when a value is out of its range or out of order */
    public ThermalLimits {
        DERATE_FROM.require(derateFromCelsius);
        LOWEST_AT.require(lowestAtCelsius);
        TRIP.require(tripCelsius);
        // the derate line falls from derate_from_c to lowest_at_c: it needs both, in that order, below the trip
        LOWEST_AT.requireAbove(lowestAtCelsius, DERATE_FROM, derateFromCelsius);
        TRIP.requireAbove(tripCelsius, LOWEST_AT, lowestAtCelsius);
    }
}
