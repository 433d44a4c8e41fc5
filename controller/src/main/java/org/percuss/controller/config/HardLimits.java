package org.percuss.controller.config;

import java.time.Duration;

/**
 * The bounds no configuration may cross, from the safety rules of DESIGN.md. Settings are checked
 * against these when they are loaded, and refused with a message that names the setting.
 */
public final class HardLimits {

    /** No level may be slower than this. */
    public static final int MIN_LEVEL_PPM = 600;
    /** No level may be faster than this. */
    public static final int MAX_LEVEL_PPM = 3600;
    /** The longest warm-up. */
    public static final Duration MAX_WARMUP = Duration.ofSeconds(60);
    /** The slowest allowed ramp, ppm per second. */
    public static final int MIN_RAMP_PPM_PER_SECOND = 10;
    /** The fastest allowed ramp, ppm per second. */
    public static final int MAX_RAMP_PPM_PER_SECOND = 1000;
    /** A session never runs longer than this: configurable lower, never higher. */
    public static final Duration MAX_SESSION = Duration.ofMinutes(15);

    private HardLimits() {
    }
}
