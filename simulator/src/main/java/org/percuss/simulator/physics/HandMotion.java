package org.percuss.simulator.physics;

/**
 * The user's hand, as a motion sensor on the gun feels it: a gun swept along a muscle turns back
 * and forth with the wrist, one held on a spot does not. The sweep is a yaw rate
 *
 * <pre>
 *   ω_z(t) = A · cos(2π · f · (t − t₀)),   A = 45 °/s, f = 0.5 Hz
 * </pre>
 *
 * (a 29° arc each way, once a second), with a tenth of it about the pitch axis; {@code t₀} is when
 * the sweep began, so a sweep starts briskly, at its peak rate. A still hand is 0 °/s. The
 * percussion shakes the gun as well: a rotation of {@link #VIBRATION_DPS_PER_1000_RPM} °/s per
 * 1000 rpm at the percussion frequency (rpm / 60 Hz) about the roll and pitch axes, which a motion
 * sensor must filter out; its phase is the integral of the speed, {@code φ += 2π · rpm/60 · dt}.
 */
public final class HandMotion {

    public static final double SWEEP_DPS = 45;
    public static final double SWEEP_HZ = 0.5;
    public static final double VIBRATION_DPS_PER_1000_RPM = 8;

    private boolean moving;
    private double sweepStartSeconds;
    private double phase;

    /** A hand that is moving (or not) from the start. */
    public HandMotion(boolean moving) {
        this.moving = moving;
    }

    /** The hand starts sweeping, or holds still, at {@code nowSeconds}. */
    public void setMoving(boolean value, double nowSeconds) {
        if (value && !moving) {
            sweepStartSeconds = nowSeconds;
        }
        moving = value;
    }

    public boolean moving() {
        return moving;
    }

    /**
     * Advances the vibration's phase by {@code dt} seconds at {@code rpm} and puts the roll, pitch and
     * yaw rates at {@code t}, °/s, into {@code out}.
     */
    public void rates(double t, double dt, double rpm, double[] out) {
        phase = (phase + 2 * Math.PI * rpm / 60 * dt) % (2 * Math.PI);
        double sweep = moving ? SWEEP_DPS * Math.cos(2 * Math.PI * SWEEP_HZ * (t - sweepStartSeconds)) : 0;
        double vibration = VIBRATION_DPS_PER_1000_RPM * Math.abs(rpm) / 1000 * Math.sin(phase);
        out[0] = vibration;
        out[1] = 0.1 * sweep + 0.7 * vibration;
        out[2] = sweep;
    }
}
