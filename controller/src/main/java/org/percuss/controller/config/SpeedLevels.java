package org.percuss.controller.config;

import java.util.Arrays;

/**
 * The speed levels a user chooses from, level 1 being the lowest, in percussions per minute.
 * Immutable; the array is copied in and out.
 *
 * @param ppm the speed of each level, ascending
 */
public record SpeedLevels(int[] ppm) {

    /** The default levels of DESIGN.md: 1200, 1700, 2200, 2700, 3200 ppm. */
    public static final SpeedLevels DEFAULT = new SpeedLevels(new int[] {1200, 1700, 2200, 2700, 3200});

    public SpeedLevels {
        if (ppm.length == 0) {
            throw new IllegalArgumentException("there must be at least one speed level");
        }
        ppm = ppm.clone();
        for (int i = 1; i < ppm.length; i++) {
            if (ppm[i] <= ppm[i - 1]) {
                throw new IllegalArgumentException("speed levels must be ascending, got " + Arrays.toString(ppm));
            }
        }
    }

    @Override
    public int[] ppm() {
        return ppm.clone();
    }

    /** How many levels there are. */
    public int count() {
        return ppm.length;
    }

    /** The speed of {@code level} (1-based). */
    public int ppmOf(int level) {
        if (level < 1 || level > ppm.length) {
            throw new IllegalArgumentException("level must be 1.." + ppm.length + ", got " + level);
        }
        return ppm[level - 1];
    }

    public int lowestPpm() {
        return ppm[0];
    }

    public int highestPpm() {
        return ppm[ppm.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpeedLevels other && Arrays.equals(ppm, other.ppm);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ppm);
    }

    @Override
    public String toString() {
        return Arrays.toString(ppm);
    }
}
