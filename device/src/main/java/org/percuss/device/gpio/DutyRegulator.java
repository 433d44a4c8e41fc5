package org.percuss.device.gpio;

/**
 * The rig's speed regulator: PWM duty in whole percent from the target and measured speed, a
 * feedforward plus a PI correction with anti-windup. Not thread-safe; allocates nothing.
 *
 * <p>Derivation: an unloaded DC motor's speed is close to proportional to its mean voltage, so
 * duty {@code 100 * target / fullDutyPpm} lands near the target; the PI term makes up for load and
 * supply sag. Gains: {@code KP} = 0.01 %/ppm (100 ppm short adds 1 %), {@code KI} = 0.02 %/(ppm s)
 * (the same 100 ppm closes in about half a second). The integral is held within
 * ±{@code MAX_TRIM_PERCENT} and frozen while the output is saturated, so a stalled or starting
 * motor does not wind it up.
 */
final class DutyRegulator {

    static final double KP = 0.01;
    static final double KI = 0.02;
    static final double MAX_TRIM_PERCENT = 25;

    private final int fullDutyPpm;
    private double integral;

    DutyRegulator(int fullDutyPpm) {
        this.fullDutyPpm = fullDutyPpm;
    }

    /** The duty with no correction: where a start begins. */
    int feedforward(int targetPpm) {
        return clamp(Math.round(feedforwardPercent(targetPpm)));
    }

    /**
     * The duty for {@code targetPpm} after {@code dtSeconds} at {@code measuredPpm}; 0 for a target
     * of 0. A {@code dtSeconds} of 0 applies the proportional term only.
     */
    int update(int targetPpm, int measuredPpm, double dtSeconds) {
        if (targetPpm <= 0) {
            integral = 0;
            return 0;
        }
        double error = targetPpm - measuredPpm;
        double ff = feedforwardPercent(targetPpm);
        double unclamped = ff + KP * error + integral;
        boolean saturatedHigh = unclamped >= 100 && error > 0;
        boolean saturatedLow = unclamped <= 0 && error < 0;
        if (!saturatedHigh && !saturatedLow) {
            integral = Math.max(-MAX_TRIM_PERCENT, Math.min(MAX_TRIM_PERCENT, integral + KI * error * dtSeconds));
        }
        return clamp(Math.round(ff + KP * error + integral));
    }

    private double feedforwardPercent(int targetPpm) {
        return 100.0 * targetPpm / fullDutyPpm;
    }

    /** Forgets the integral: every start begins from the feedforward. */
    void reset() {
        integral = 0;
    }

    private static int clamp(long duty) {
        return (int) Math.max(0, Math.min(100, duty));
    }
}
