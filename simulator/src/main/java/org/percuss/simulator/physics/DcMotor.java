package org.percuss.simulator.physics;

/**
 * A DC motor turning a load, integrated in fixed steps. Quasi-static electrics (see
 * {@link MotorParameters}): the current follows the applied voltage and the back-EMF at once,
 * clamped by the driver:
 *
 * <pre>
 *   i = clamp((V − Ke·ω) / R, ±I_limit)
 *   J·dω/dt = Kt·i − b·ω − (τc + τ_load)·sign(ω)
 * </pre>
 *
 * Friction and load oppose motion; at rest they hold the rotor still as long as the drive torque
 * does not exceed them (static friction), so a blocked or overloaded rotor stalls at zero speed
 * instead of creeping backwards. The speed equation is integrated semi-implicitly in the viscous
 * and back-EMF terms (stable at any step: the step is 1 ms against a 20 ms time constant).
 */
public final class DcMotor {

    private final MotorParameters p;
    // Kt²/R, the back-EMF's damping while the current follows the voltage: the same expression as
    // in the step, evaluated once (the same value, bit for bit) instead of on every step.
    private final double backEmfDamping;
    private double speedRadPerSec;
    private double currentAmps;

    public DcMotor(MotorParameters parameters) {
        this.p = parameters;
        this.backEmfDamping = parameters.torqueConstant() * parameters.torqueConstant() / parameters.resistanceOhms();
    }

    /**
     * Advances by {@code dt} seconds with {@code volts} across the winding and {@code loadTorque}
     * (≥ 0, N·m) opposing the motion.
     */
    public void step(double dt, double volts, double loadTorque) {
        double kt = p.torqueConstant();
        double unclamped = (volts - kt * speedRadPerSec) / p.resistanceOhms();
        currentAmps = Math.max(-p.driverCurrentLimitAmps(), Math.min(p.driverCurrentLimitAmps(), unclamped));
        double drive = kt * currentAmps;
        double resisting = p.coulombFriction() + loadTorque;
        if (speedRadPerSec == 0 && Math.abs(drive) <= resisting) {
            return; // static friction holds it
        }
        double direction = speedRadPerSec != 0 ? Math.signum(speedRadPerSec) : Math.signum(drive);
        // Semi-implicit: the viscous term (and, while the current is not clamped, the back-EMF)
        // taken at the new speed, which keeps the step stable whatever its size.
        boolean clamped = unclamped != currentAmps;
        double damping = p.viscousFriction() + (clamped ? 0 : backEmfDamping);
        double force = clamped ? drive : kt * volts / p.resistanceOhms();
        double next = (p.inertia() * speedRadPerSec + dt * (force - resisting * direction)) / (p.inertia() + dt * damping);
        // Friction and load can stop the rotor, never reverse it.
        speedRadPerSec = Math.signum(next) == -direction ? 0 : next;
    }

    /** Shaft speed, rad/s. */
    public double speedRadPerSec() {
        return speedRadPerSec;
    }

    /** Shaft speed, rpm; with one percussion per revolution, also ppm. */
    public double speedRpm() {
        return speedRadPerSec * 60 / (2 * Math.PI);
    }

    /** Winding current, amperes (negative while braking). */
    public double currentAmps() {
        return currentAmps;
    }

    /** Heat in the winding and driver, I²R, watts. */
    public double copperLossWatts() {
        return currentAmps * currentAmps * p.resistanceOhms();
    }

    public MotorParameters parameters() {
        return p;
    }

    /** rad/s from rpm. */
    public static double radPerSec(double rpm) {
        return rpm * 2 * Math.PI / 60;
    }
}
