package org.percuss.controller.loop;

/**
 * The speed the motor is commanded while it runs (DESIGN.md rules 1–3): every start begins at the
 * lowest level and holds it for the warm-up; increases then follow the ramp rate; decreases are
 * immediate; the result never leaves [lowest, highest].
 *
 * <p>Commands are whole ppm, so a rate of {@code r} ppm/s over a tick of {@code dt} allows
 * {@code r·dt} ppm, usually a fraction (2.5 ppm at 250 ppm/s and 100 Hz). The profile never
 * exceeds the rate between two ticks: one tick raises the command by at most
 * {@code floor(r·dt)} ppm, the fraction is dropped, so at 250 ppm/s and 100 Hz the command rises
 * 2 ppm a tick (200 ppm/s). Only when {@code r·dt} is below one ppm (rates under 100 ppm/s at
 * 100 Hz) is the fraction carried, in exact integer "ppm × 10⁹" units, until it makes a whole ppm;
 * then the command is {@code start + floor(r·t)} exactly and never ahead of the exact ramp.
 * Allocates nothing.
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
            long allowedUnits = rampPpmPerSecond * rampNanos; // exactly r·dt, in ppm × 10⁹
            long exactUnits = Math.min(targetUnits, valueUnits + allowedUnits);
            long wholeStepUnits = allowedUnits / UNITS_PER_PPM * UNITS_PER_PPM;
            if (wholeStepUnits > 0) {
                // at least one whole ppm this tick: rise by whole ppm only, never by more than r·dt
                long current = valueUnits / UNITS_PER_PPM * UNITS_PER_PPM;
                valueUnits = Math.min(exactUnits / UNITS_PER_PPM * UNITS_PER_PPM, current + wholeStepUnits);
            } else {
                valueUnits = exactUnits; // slow ramp: carry the fraction until it makes a whole ppm
            }
        }
        return (int) (valueUnits / UNITS_PER_PPM);
    }
}
