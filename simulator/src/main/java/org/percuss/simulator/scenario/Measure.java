package org.percuss.simulator.scenario;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The numeric quantities of a {@link Sample} an expectation can test, by their trace names. */
public enum Measure {
    /** The speed commanded. */
    COMMANDED_PPM("commanded_ppm", s -> s.commandedPpm(), 0),
    /** The speed measured by the device. */
    MEASURED_PPM("measured_ppm", s -> s.measuredPpm(), 0),
    /** The speed the profile heads for. */
    TARGET_PPM("target_ppm", s -> s.targetPpm(), 0),
    /** The selected level. */
    LEVEL("level", s -> s.level(), 0),
    /** Motor current, amperes. */
    CURRENT_A("current_a", Sample::currentAmps, 3),
    /** Winding temperature, °C. */
    TEMPERATURE_C("temperature_c", Sample::temperatureCelsius, 1),
    /** Supply voltage, volts. */
    SUPPLY_V("supply_v", Sample::supplyVolts, 3),
    /** The level a safety rule holds the speed to (0: none). */
    DERATE_LEVEL("derate_level", s -> s.derateLevel(), 0);

    private final String key;
    private final ToDoubleFunction<Sample> value;
    private final int decimals;

    Measure(String key, ToDoubleFunction<Sample> value, int decimals) {
        this.key = key;
        this.value = value;
        this.decimals = decimals;
    }

    /** The name in scenario files and traces. */
    public String key() {
        return key;
    }

    public double of(Sample s) {
        return value.applyAsDouble(s);
    }

    String format(Sample s) {
        return String.format(Locale.ROOT, "%." + decimals + "f", of(s));
    }

    /** The measure with this key, or {@code null}. */
    public static Measure ofKey(String key) {
        for (Measure m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
