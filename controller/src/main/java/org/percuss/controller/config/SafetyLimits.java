package org.percuss.controller.config;

import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

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

    /** Telemetry missing for this many of its periods trips: at least two (one late report is not a fault), at most 50. */
    static final Setting STALE_TELEMETRY_PERIODS = Setting.whole("stale_telemetry_periods", 2, 50, "periods");

    /** The defaults of DESIGN.md. */
    public static final SafetyLimits DEFAULT = new SafetyLimits(CurrentLimits.DEFAULT, StallLimits.DEFAULT,
            ThermalLimits.DEFAULT, SupplyLimits.DEFAULT, DwellLimits.DEFAULT, 5);

    /** @throws InvalidSetting naming the key, when {@code staleTelemetryPeriods} is out of its range */
    public SafetyLimits {
        STALE_TELEMETRY_PERIODS.require(staleTelemetryPeriods);
    }
}
