package org.percuss.controller.config;

import static org.percuss.controller.config.ConfigSection.field;

import java.time.Duration;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * DESIGN.md rule 6, gentle pressure: sustained high motor current (pressing too hard) derates to
 * the lowest level; current above the trip limit is a fault.
 *
 * @param derateAmps current above which, sustained for {@code derateAfter}, the speed drops to the lowest level
 * @param derateAfter how long the current must stay above {@code derateAmps}
 * @param tripAmps current above which, sustained for {@code tripAfter}, the motor trips (OVER_CURRENT)
 * @param tripAfter how long the current must stay above {@code tripAmps}
 */
public record CurrentLimits(double derateAmps, Duration derateAfter, double tripAmps, Duration tripAfter) {

    static final Setting DERATE_AMPS = Setting.number("current.derate_amps", 0.5, 20, "A");
    static final Setting DERATE_AFTER = Setting.duration("current.derate_after", Duration.ofMillis(100), Duration.ofSeconds(10));
    static final Setting TRIP_AMPS = Setting.number("current.trip_amps", 0.5, 30, "A");
    static final Setting TRIP_AFTER = Setting.duration("current.trip_after", Duration.ofMillis(10), Duration.ofSeconds(2));

    /** 3.0 A for 1 s derates; 4.0 A for 100 ms trips. */
    public static final CurrentLimits DEFAULT =
            new CurrentLimits(3.0, Duration.ofSeconds(1), 4.0, Duration.ofMillis(100));

    /** The {@code current} section of a configuration file. */
    static final ConfigSection<CurrentLimits> SECTION = ConfigSection.of("current",
            v -> new CurrentLimits(v.number(DERATE_AMPS), v.duration(DERATE_AFTER), v.number(TRIP_AMPS), v.duration(TRIP_AFTER)),
            field(DERATE_AMPS, CurrentLimits::derateAmps), field(DERATE_AFTER, CurrentLimits::derateAfter),
            field(TRIP_AMPS, CurrentLimits::tripAmps), field(TRIP_AFTER, CurrentLimits::tripAfter));

    /** @throws InvalidSetting naming the key, when a value is out of its range or the trip is not above the derate */
    public CurrentLimits {
        DERATE_AMPS.require(derateAmps);
        DERATE_AFTER.require(derateAfter);
        TRIP_AMPS.require(tripAmps);
        TRIP_AFTER.require(tripAfter);
        TRIP_AMPS.requireAbove(tripAmps, DERATE_AMPS, derateAmps);
    }
}
