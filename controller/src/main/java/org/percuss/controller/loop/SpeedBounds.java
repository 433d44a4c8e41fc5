package org.percuss.controller.loop;

import org.percuss.controller.config.SpeedLevels;
import org.percuss.device.api.Capabilities;

/**
 * The levels the loop may use: the configured levels that lie inside the device's own
 * [min_ppm, max_ppm] (DESIGN.md rule 3). Level numbers stay those of the configuration; the usable
 * ones are {@link #firstLevel()}..{@link #lastLevel()}.
 *
 * @param levels the configured levels
 * @param firstLevel the lowest usable level
 * @param lastLevel the highest usable level
 */
public record SpeedBounds(SpeedLevels levels, int firstLevel, int lastLevel) {

    public SpeedBounds {
        if (firstLevel < 1 || lastLevel > levels.count() || firstLevel > lastLevel) {
            throw new IllegalArgumentException("usable levels " + firstLevel + ".." + lastLevel
                    + " do not fit " + levels.count() + " levels");
        }
    }

    /**
     * The usable levels of {@code levels} on a device with {@code capabilities}.
     *
     * @throws IllegalArgumentException when no level lies inside the device's range
     */
    public static SpeedBounds of(SpeedLevels levels, Capabilities capabilities) {
        int first = 0;
        int last = 0;
        for (int level = 1; level <= levels.count(); level++) {
            int ppm = levels.ppmOf(level);
            if (ppm >= capabilities.minPpm() && ppm <= capabilities.maxPpm()) {
                if (first == 0) {
                    first = level;
                }
                last = level;
            }
        }
        if (first == 0) {
            throw new IllegalArgumentException("no speed level " + levels + " lies inside the device's range "
                    + capabilities.minPpm() + ".." + capabilities.maxPpm() + " ppm");
        }
        return new SpeedBounds(levels, first, last);
    }

    /**
     * These bounds with no level above {@code maxLevel} (a zone's maximum); 0 changes nothing.
     *
     * @throws IllegalArgumentException when that leaves no level
     */
    public SpeedBounds capAt(int maxLevel) {
        if (maxLevel == 0 || maxLevel >= lastLevel) {
            return this;
        }
        if (maxLevel < firstLevel) {
            throw new IllegalArgumentException("no usable level is at or under level " + maxLevel);
        }
        return new SpeedBounds(levels, firstLevel, maxLevel);
    }

    public boolean usable(int level) {
        return level >= firstLevel && level <= lastLevel;
    }

    /** {@code level} moved into the usable range. */
    public int clamp(int level) {
        return Math.max(firstLevel, Math.min(lastLevel, level));
    }

    public int ppmOf(int level) {
        return levels.ppmOf(level);
    }

    /** The slowest speed ever commanded (besides 0): every start begins here. */
    public int lowestPpm() {
        return levels.ppmOf(firstLevel);
    }

    /** The fastest speed ever commanded. */
    public int highestPpm() {
        return levels.ppmOf(lastLevel);
    }

    /** Why {@code level} cannot be used, for an error message. */
    public String whyUnusable(int level) {
        if (level < 1 || level > levels.count()) {
            return "level must be 1.." + levels.count() + ", got " + level;
        }
        return "level " + level + " (" + levels.ppmOf(level) + " ppm) is outside the usable levels " + firstLevel + ".."
                + lastLevel + " (the device's range, and the zone's maximum)";
    }
}
