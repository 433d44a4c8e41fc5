package org.percuss.controller.config;

import java.time.Duration;
import org.percuss.device.setting.Setting;

/**
 * A muscle group a session can be given to ({@code --zone}), with its budget of running time per
 * rolling hour (DESIGN.md rule 4) and, optionally, the highest level allowed on it.
 *
 * @param name the zone's name: lower case letters, digits and dashes
 * @param budget the most running time in any 60 minutes, at most 15 minutes
 * @param maxLevel the highest level allowed on this zone, or 0 for no limit beyond the levels (a maximum
 *        above the last level limits nothing either)
 */
public record Zone(String name, Duration budget, int maxLevel) {

    /** What a zone's name may be: lower case letters, digits and dashes, starting with a letter or digit. */
    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]*";
    /** A zone's budget in a file: at least a second, at most the hard session limit. */
    static final Setting BUDGET = Setting.duration("zones.NAME.budget", Duration.ofSeconds(1), HardLimits.MAX_SESSION);

    /** The rolling window a zone's budget applies to. */
    public static final Duration WINDOW = Duration.ofMinutes(60);

    public Zone {
        if (!name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("zone name '" + name + "' must be lower case letters, digits and dashes");
        }
        if (budget.isNegative() || budget.isZero() || budget.compareTo(HardLimits.MAX_SESSION) > 0) {
            throw new IllegalArgumentException("zone " + name + ": budget must be more than 0s and at most 15m");
        }
        if (maxLevel < 0) {
            throw new IllegalArgumentException("zone " + name + ": max level must not be negative");
        }
    }

    /** A zone with the full budget and no level limit. */
    public static Zone of(String name) {
        return new Zone(name, HardLimits.MAX_SESSION, 0);
    }

    /** Whether {@code level} is allowed on this zone. */
    public boolean allows(int level) {
        return maxLevel == 0 || level <= maxLevel;
    }
}
