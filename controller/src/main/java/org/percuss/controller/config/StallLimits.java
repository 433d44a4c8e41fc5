package org.percuss.controller.config;

import static org.percuss.controller.config.ConfigSection.field;

import java.time.Duration;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * DESIGN.md rule 6: a stalled rotor is a fault. The rotor is stalled when the measured speed stays
 * below {@code fraction} of the commanded speed for {@code after}.
 *
 * @param fraction measured / commanded below which the rotor counts as stalled (0.05..0.9)
 * @param after how long it must stay below
 */
public record StallLimits(double fraction, Duration after) {

    static final Setting FRACTION = Setting.number("stall.fraction", 0.05, 0.9, "");
    static final Setting AFTER = Setting.duration("stall.after", Duration.ofMillis(100), Duration.ofSeconds(5));

    /** Below 30 % of the command for 500 ms. */
    public static final StallLimits DEFAULT = new StallLimits(0.30, Duration.ofMillis(500));

    /** The {@code stall} section of a configuration file. */
    static final ConfigSection<StallLimits> SECTION = ConfigSection.of("stall",
            v -> new StallLimits(v.number(FRACTION), v.duration(AFTER)),
            field(FRACTION, StallLimits::fraction), field(AFTER, StallLimits::after));

    /** @throws InvalidSetting naming the key, when a value is out of its range */
    public StallLimits {
        FRACTION.require(fraction);
        AFTER.require(after);
    }
}
