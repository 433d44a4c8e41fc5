package org.percuss.controller.config;

import static org.percuss.controller.config.ConfigSection.field;

import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * DESIGN.md rule 8: an under-voltage supply trips (UNDER_VOLTAGE), protecting the battery and the
 * driver.
 *
 * @param tripVolts supply voltage below which the motor trips
 */
public record SupplyLimits(double tripVolts) {

    static final Setting TRIP_VOLTS = Setting.number("supply.trip_volts", 6, 30, "V");

    /** 12.8 V: 3.2 V per cell of a 4-cell Li-ion pack. */
    public static final SupplyLimits DEFAULT = new SupplyLimits(12.8);

    /** The {@code supply} section of a configuration file. */
    static final ConfigSection<SupplyLimits> SECTION = ConfigSection.of("supply",
            v -> new SupplyLimits(v.number(TRIP_VOLTS)), field(TRIP_VOLTS, SupplyLimits::tripVolts));

    /** @throws InvalidSetting naming the key, when the value is out of its range */
    public SupplyLimits {
        TRIP_VOLTS.require(tripVolts);
    }
}
