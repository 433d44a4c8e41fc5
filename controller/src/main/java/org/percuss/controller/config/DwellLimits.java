package org.percuss.controller.config;

import static org.percuss.controller.config.ConfigSection.field;

import java.time.Duration;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * DESIGN.md rule 5, keep it moving: with a motion sensor, a device held still while running is
 * warned after {@code warnAfter} and dropped to the lowest level after {@code derateAfter}, until
 * it moves again.
 *
 * @param warnAfter how long held still before the warning
 * @param derateAfter how long held still before the drop to the lowest level
 */
public record DwellLimits(Duration warnAfter, Duration derateAfter) {

    static final Setting WARN_AFTER = Setting.duration("keep_moving.warn_after", Duration.ofSeconds(1), Duration.ofSeconds(60));
    static final Setting DERATE_AFTER = Setting.duration("keep_moving.derate_after", Duration.ofSeconds(2),
            Duration.ofSeconds(120));

    /** Warn after 10 s, lowest level after 20 s. */
    public static final DwellLimits DEFAULT = new DwellLimits(Duration.ofSeconds(10), Duration.ofSeconds(20));

    /** The {@code keep_moving} section of a configuration file. */
    static final ConfigSection<DwellLimits> SECTION = ConfigSection.of("keep_moving",
            v -> new DwellLimits(v.duration(WARN_AFTER), v.duration(DERATE_AFTER)),
            field(WARN_AFTER, DwellLimits::warnAfter), field(DERATE_AFTER, DwellLimits::derateAfter));

    /** @throws InvalidSetting naming the key, when a value is out of its range or the derate is not after the warning */
    public DwellLimits {
        WARN_AFTER.require(warnAfter);
        DERATE_AFTER.require(derateAfter);
        DERATE_AFTER.requireAfter(derateAfter, WARN_AFTER, warnAfter);
    }
}
