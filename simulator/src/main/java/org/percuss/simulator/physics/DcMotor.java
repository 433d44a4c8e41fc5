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

    /** 2π/60 and 60/2π, multiplied rather than divided on every step. */
    private static final double RAD_PER_SEC_PER_RPM = 2 * Math.PI / 60;
    private static final double RPM_PER_RAD_PER_SEC = 60 / (2 * Math.PI);

    private final MotorParameters p;
    // The step's divisions, done once: Kt²/R (the back-EMF's damping while the current follows the
    // voltage), 1/R, and for the last step size the semi-implicit step's 1 / (J + dt·(b + Kt²/R))
    // and 1 / (J + dt·b). Multiplying by a reciprocal differs from dividing by at most an ulp, far
    // below the model's accuracy; the physics step is the most of a simulated session, and a
    // campaign runs 15 % faster for it (BENCHMARKS.md).
    private final double backEmfDamping;
    private final double conductance;
    private double followingInverse;
    private double clampedInverse;
    private double inverseDt = Double.NaN;
    private double speedRadPerSec;
    private double currentAmps;

    public DcMotor(MotorParameters parameters) {
        this.p = parameters;
        this.backEmfDamping = parameters.torqueConstant() * parameters.torqueConstant() / parameters.resistanceOhms();
        this.conductance = 1 / parameters.resistanceOhms();
    }

    /**
     * Advances by {@code dt} seconds with {@code volts} across the winding and {@code loadTorque}
     * (≥ 0, N·m) opposing the motion.
     */
    public void step(double dt, double volts, double loadTorque) {
        double kt = p.torqueConstant();
        double unclamped = (volts - kt * speedRadPerSec) * conductance;
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
        if (dt != inverseDt) {
            followingInverse = 1 / (p.inertia() + dt * (p.viscousFriction() + backEmfDamping));
            clampedInverse = 1 / (p.inertia() + dt * p.viscousFriction());
            inverseDt = dt;
        }
        double force = clamped ? drive : kt * volts * conductance;
        double next = (p.inertia() * speedRadPerSec + dt * (force - resisting * direction))
                * (clamped ? clampedInverse : followingInverse);
        // Friction and load can stop the rotor, never reverse it.
        speedRadPerSec = Math.signum(next) == -direction ? 0 : next;
    }

    /** Shaft speed, rad/s. */
    public double speedRadPerSec() {
        return speedRadPerSec;
    }

    /** Shaft speed, rpm; with one percussion per revolution, also ppm. */
    public double speedRpm() {
        return speedRadPerSec * RPM_PER_RAD_PER_SEC;
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
        return rpm * RAD_PER_SEC_PER_RPM;
    }
}
