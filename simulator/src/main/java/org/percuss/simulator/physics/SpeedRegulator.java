package org.percuss.simulator.physics;

/**
 * The board's speed regulator: a PI controller with anti-windup turning the commanded speed and the
 * measured speed into a PWM duty (0..1) for the motor driver.
 *
 * <p>Design. With the current settled, the plant from duty u to speed is first order:
 * {@code ω(s)/u(s) = K / (τm·s + 1)}, {@code K ≈ V_batt / Ke} (536 rad/s per unit duty at 16 V),
 * {@code τm} the mechanical time constant (20 ms). A PI {@code Kp·(1 + 1/(Ti·s))} with
 * {@code Ti = τm} cancels the plant's pole and leaves the first-order closed loop
 * {@code 1 / (τcl·s + 1)}, {@code τcl = τm / (Kp·K)}: no overshoot. Choosing τcl = 80 ms gives
 * {@code Kp = τm / (K·τcl)} and {@code Ki = Kp / Ti}; a ramping setpoint is followed with a lag of
 * rate × τcl (16 ppm at 200 ppm/s). (A static feedforward {@code Ke·ω_set / V} would be faster
 * but adds a slow zero, {@code ((τm+τcl)·s + 1) / ((τm·s + 1)(τcl·s + 1))}, and overshoots a step
 * by about 11 %.) Anti-windup is conditional integration: while the duty is saturated, the
 * integrator does not grow in the direction that saturated it. A setpoint of 0 is a stop: the duty
 * goes to 0 at once and the integrator is cleared.
 */
public final class SpeedRegulator {

    /** The closed loop's time constant, seconds. */
    public static final double CLOSED_LOOP_SECONDS = 0.08;

    private final double kp;
    private final double ki;
    private double integral;
    private double duty;

    /**
     * @param motor the motor driven
     * @param nominalVolts the supply the gains are designed for
     */
    public SpeedRegulator(MotorParameters motor, double nominalVolts) {
        double gain = nominalVolts / motor.torqueConstant();
        this.kp = motor.mechanicalTimeConstantSeconds() / (gain * CLOSED_LOOP_SECONDS);
        this.ki = kp / motor.mechanicalTimeConstantSeconds();
    }

    /**
     * One regulator step.
     *
     * @param dt seconds since the last step
     * @param setpointRadPerSec commanded speed; 0 stops
     * @param measuredRadPerSec the tachometer's reading
     * @param supplyVolts the battery's voltage now
     * @return the duty, 0..1
     */
    public double update(double dt, double setpointRadPerSec, double measuredRadPerSec, double supplyVolts) {
        if (setpointRadPerSec <= 0 || supplyVolts <= 0) {
            integral = 0;
            duty = 0;
            return 0;
        }
        double error = setpointRadPerSec - measuredRadPerSec;
        double unsaturated = kp * error + integral;
        boolean high = unsaturated >= 1 && error > 0;
        boolean low = unsaturated <= 0 && error < 0;
        if (!high && !low) {
            integral += ki * error * dt;
        }
        duty = Math.max(0, Math.min(1, kp * error + integral));
        return duty;
    }

    public double duty() {
        return duty;
    }

    public double proportionalGain() {
        return kp;
    }

    public double integralGain() {
        return ki;
    }
}
