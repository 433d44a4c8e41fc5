package org.percuss.controller.config;

/**
 * The thresholds of the safety rules 5–8 of DESIGN.md, with its defaults.
 *
 * @param current sustained-current derate and over-current trip
 * @param stall stalled-rotor trip
 * @param thermal over-temperature derate and trip
 * @param supply under-voltage trip
 * @param dwell keep-it-moving warning and derate
 * @param staleTelemetryPeriods telemetry missing for this many telemetry periods trips (STALE_TELEMETRY)
 */
public record SafetyLimits(CurrentLimits current, StallLimits stall, ThermalLimits thermal, SupplyLimits supply,
                           DwellLimits dwell, int staleTelemetryPeriods) {

    /** The defaults of DESIGN.md. */
    public static final SafetyLimits DEFAULT = new SafetyLimits(CurrentLimits.DEFAULT, StallLimits.DEFAULT,
            ThermalLimits.DEFAULT, SupplyLimits.DEFAULT, DwellLimits.DEFAULT, 5);
}
