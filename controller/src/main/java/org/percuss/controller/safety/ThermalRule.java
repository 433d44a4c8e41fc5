package org.percuss.controller.safety;

import java.util.Locale;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;

/**
 * DESIGN.md rule 8, over-temperature derates then trips, like ODrive's thermistor limiter. From
 * T₀ = 60 °C the highest allowed speed falls linearly to the lowest level at T₁ = 75 °C:
 *
 * <pre>
 *   allowed(T) = highest − (highest − lowest) · (T − T₀) / (T₁ − T₀),   T₀ ≤ T ≤ T₁
 * </pre>
 *
 * and the rule derates to the highest level whose speed is within {@code allowed(T)} (never below
 * the lowest level). At 80 °C it trips OVER_TEMPERATURE. To keep it from chattering as the
 * temperature hovers at a step, a derate is relaxed only when the temperature has fallen 1 °C
 * below what would relax it. Off without a temperature sensor.
 */
public final class ThermalRule implements SafetyRule {

    private final RequiredSensor temperatureSensor = new RequiredSensor(Capability.TEMPERATURE,
            "the temperature rule is off: the device has no temperature sensor", "stop if the gun gets hot");

    /** How far the temperature must fall below a step before the derate relaxes, °C. */
    static final double HYSTERESIS_CELSIUS = 1.0;

    private final ThermalLimits limits;
    private int level; // the level derated to, 0 for none
    private double lastCelsius;

    public ThermalRule(ThermalLimits limits) {
        this.limits = limits;
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        if (!temperatureSensor.presentIn(context)) {
            return Verdict.OK;
        }
        double celsius = t.temperatureCelsius();
        lastCelsius = celsius;
        if (celsius >= limits.tripCelsius()) {
            return Verdict.trip(Fault.OVER_TEMPERATURE);
        }
        int wanted = levelAt(celsius, context);
        if (level == 0 || wanted < level) {
            level = wanted; // tighten at once
        } else if (wanted > level && levelAt(celsius + HYSTERESIS_CELSIUS, context) > level) {
            level = levelAt(celsius + HYSTERESIS_CELSIUS, context); // relax with hysteresis
        }
        if (level >= context.lastLevel()) {
            level = 0;
            return Verdict.OK;
        }
        return Verdict.derateTo(level);
    }

    /** The highest level allowed at {@code celsius}, by the linear map above. */
    private int levelAt(double celsius, SafetyContext c) {
        if (celsius <= limits.derateFromCelsius()) {
            return c.lastLevel();
        }
        int lowest = c.ppmOf(c.firstLevel());
        int highest = c.ppmOf(c.lastLevel());
        double f = Math.min(1, (celsius - limits.derateFromCelsius()) / (limits.lowestAtCelsius() - limits.derateFromCelsius()));
        double allowed = highest - (highest - lowest) * f;
        int level = c.firstLevel();
        for (int l = c.firstLevel(); l <= c.lastLevel(); l++) {
            if (c.ppmOf(l) <= allowed + 1e-9) {
                level = l;
            }
        }
        return level;
    }

    @Override
    public String tripConditionPresent(Telemetry t, long now, SafetyContext context) {
        return context.has(Capability.TEMPERATURE) && t.temperatureCelsius() >= limits.tripCelsius()
                ? String.format(Locale.ROOT, "over temperature: temperature %.1f °C at or above the %.0f °C trip limit",
                        t.temperatureCelsius(), limits.tripCelsius())
                : null;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return switch (verdict.kind()) {
            case TRIP -> String.format(Locale.ROOT, "temperature %.1f °C at or above the %.0f °C trip limit", lastCelsius,
                    limits.tripCelsius());
            case DERATE -> String.format(Locale.ROOT, "temperature %.1f °C above %.0f °C (lowest level from %.0f °C)",
                    lastCelsius, limits.derateFromCelsius(), limits.lowestAtCelsius());
            case OK -> String.format(Locale.ROOT, "temperature %.1f °C back under %.0f °C", lastCelsius,
                    limits.derateFromCelsius());
        };
    }

    @Override
    public void reset(long nowNanos) {
        level = 0;
    }
}
