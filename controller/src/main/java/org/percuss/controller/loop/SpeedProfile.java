package org.percuss.controller.loop;

/**
 * The speed the motor is commanded while it runs (DESIGN.md rules 1–3): every start begins at the
 * lowest level and holds it for the warm-up; increases then follow the ramp rate; decreases are
 * immediate; the result never leaves [lowest, highest].
 *
 * <p>The ramp is kept exactly, in integer "ppm × 10⁹" units: each running nanosecond adds
 * {@code rate} units, so after {@code t} seconds of ramping the value is
 * {@code start + floor(rate · t)} ppm and no rounding drift builds up. The commanded ppm is the
 * floor, so over any interval the increase is at most {@code rate · interval} plus one ppm of
 * quantisation, and it never gets ahead of the exact ramp. Allocates nothing.
 */
public final class SpeedProfile {

    private static final long UNITS_PER_PPM = 1_000_000_000L;

    private final int lowestPpm;
    private final int highestPpm;
    private final long warmupNanos;
    private final long rampPpmPerSecond;

    private boolean running;
    private long warmupLeftNanos;
    private long valueUnits;

    /**
     * @param lowestPpm the lowest level: every start begins here
     * @param highestPpm the highest level: never exceeded
     * @param warmupNanos how long each start holds the lowest level
     * @param rampPpmPerSecond the fastest increase
     */
    public SpeedProfile(int lowestPpm, int highestPpm, long warmupNanos, int rampPpmPerSecond) {
        if (lowestPpm <= 0 || highestPpm < lowestPpm) {
            throw new IllegalArgumentException("need 0 < lowest <= highest, got " + lowestPpm + ", " + highestPpm);
        }
        if (warmupNanos < 0 || rampPpmPerSecond <= 0) {
            throw new IllegalArgumentException("warm-up must not be negative and the ramp must be positive");
        }
        this.lowestPpm = lowestPpm;
        this.highestPpm = highestPpm;
        this.warmupNanos = warmupNanos;
        this.rampPpmPerSecond = rampPpmPerSecond;
    }

    /** A start or resume: the next speed is the lowest level, held for a fresh warm-up. */
    public void start() {
        running = true;
        warmupLeftNanos = warmupNanos;
        valueUnits = lowestPpm * UNITS_PER_PPM;
    }

    /** A stop: the next start begins again from the lowest level. */
    public void stop() {
        running = false;
    }

    public boolean running() {
        return running;
    }

    /** Whether the warm-up hold is still on. */
    public boolean warmingUp() {
        return running && warmupLeftNanos > 0;
    }

    /**
     * The speed to command now.
     *
     * @param targetPpm where the user (capped by any derate) wants to be; clamped into bounds
     * @param runningNanos the running time since the previous call (0 on the first call after a start)
     * @return 0 when stopped, else a speed in [lowest, highest]
     */
    public int next(int targetPpm, long runningNanos) {
        if (!running) {
            return 0;
        }
        long rampNanos = runningNanos;
        if (warmupLeftNanos > 0) {
            if (runningNanos < warmupLeftNanos) {
                warmupLeftNanos -= runningNanos;
                return lowestPpm;
            }
            // The warm-up ended inside this interval: only the part after it ramps.
            rampNanos = runningNanos - warmupLeftNanos;
            warmupLeftNanos = 0;
        }
        int target = Math.max(lowestPpm, Math.min(highestPpm, targetPpm));
        long targetUnits = target * UNITS_PER_PPM;
        if (targetUnits <= valueUnits) {
            valueUnits = targetUnits; // decreases are immediate
        } else {
            valueUnits = Math.min(targetUnits, valueUnits + rampPpmPerSecond * rampNanos);
        }
        return (int) (valueUnits / UNITS_PER_PPM);
    }
}
