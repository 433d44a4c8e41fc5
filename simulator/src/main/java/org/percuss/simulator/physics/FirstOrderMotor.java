package org.percuss.simulator.physics;

/**
 * A first, deliberately simple motor model: the speed follows the regulator's setpoint with a
 * first-order lag, and current, temperature and supply voltage follow from the speed.
 *
 * <p>Speed: {@code dω/dt = (ω_set − ω) / τ}. Over a step {@code dt} with {@code ω_set} held
 * constant the exact solution is {@code ω(t+dt) = ω_set + (ω(t) − ω_set)·e^(−dt/τ)}, which is what
 * {@link #step} computes, so the result does not depend on the step size.
 *
 * <p>Current is taken as affine in speed ({@code I = I₀ + k·ω}, friction and air load growing with
 * speed); the supply sags by {@code I·R_internal} below the pack's open-circuit voltage; the
 * temperature stays at ambient. The physics package replaces this with a DC motor, a thermal model
 * and a battery; the board only needs {@link #speedPpm()}, {@link #currentAmps()},
 * {@link #temperatureCelsius()} and {@link #supplyVolts()}.
 */
public final class FirstOrderMotor {

    /** Default time constant: a small brushless gun motor reaches 63 % of a step in about 0.2 s. */
    public static final double DEFAULT_TIME_CONSTANT_SECONDS = 0.2;

    private static final double NO_LOAD_AMPS = 0.35;
    private static final double AMPS_PER_PPM = 0.0004;
    private static final double OPEN_CIRCUIT_VOLTS = 16.4;
    private static final double INTERNAL_OHMS = 0.15;
    private static final double AMBIENT_CELSIUS = 25.0;

    private final double timeConstantSeconds;
    private double speedPpm;

    public FirstOrderMotor() {
        this(DEFAULT_TIME_CONSTANT_SECONDS);
    }

    public FirstOrderMotor(double timeConstantSeconds) {
        if (!(timeConstantSeconds > 0)) {
            throw new IllegalArgumentException("time constant must be positive, got " + timeConstantSeconds);
        }
        this.timeConstantSeconds = timeConstantSeconds;
    }

    /** Advances the model by {@code dtSeconds} with the setpoint {@code setpointPpm} held. */
    public void step(double dtSeconds, double setpointPpm) {
        double decay = Math.exp(-dtSeconds / timeConstantSeconds);
        speedPpm = setpointPpm + (speedPpm - setpointPpm) * decay;
        if (setpointPpm == 0 && speedPpm < 1) {
            speedPpm = 0; // the brake holds a stopped rotor
        }
    }

    public double speedPpm() {
        return speedPpm;
    }

    public double currentAmps() {
        return speedPpm == 0 ? 0 : NO_LOAD_AMPS + AMPS_PER_PPM * speedPpm;
    }

    public double temperatureCelsius() {
        return AMBIENT_CELSIUS;
    }

    public double supplyVolts() {
        return OPEN_CIRCUIT_VOLTS - INTERNAL_OHMS * currentAmps();
    }
}
