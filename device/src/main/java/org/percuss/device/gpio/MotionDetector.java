package org.percuss.device.gpio;

/**
 * "Being moved across the body" from a gyro's three rotation rates: a gun swept along a muscle
 * turns with the wrist and elbow at tens of degrees per second; one held on a spot turns at a few.
 * Pure arithmetic on the samples it is given; allocates nothing.
 *
 * <ol>
 *   <li>Vibration: the percussion shakes the gun at 20..60 Hz. The chip's own low-pass filter
 *       (the MPU-6050's DLPF at 10 Hz, set by {@link Mpu6050}) removes it before the rig samples,
 *       so it neither aliases into the 50 Hz samples nor counts as motion.</li>
 *   <li>Bias: a gyro at rest reads a few °/s (the MPU-6050's zero-rate offset is up to ±20 °/s).
 *       The first {@link #CALIBRATION_SAMPLES} samples are averaged as the bias when they are
 *       steady (each axis within {@link #STEADY_DPS}); afterwards the bias follows the reading
 *       with a time constant of {@link #BIAS_TAU_SECONDS} while the gun is still:
 *       {@code b += (ω − b) · dt / τ}, so a drifting offset is tracked and motion is not learnt.</li>
 *   <li>Magnitude: {@code m = |ω − b|} over the three axes, degrees per second.</li>
 *   <li>Decision, with hysteresis and a hold: moving from the first sample with
 *       {@code m ≥ threshold}; still again once {@code m} has stayed below half the threshold for
 *       {@link #HOLD_NANOS} — a sweep back and forth passes through zero rate at each turn for well
 *       under that (under 0.1 s for a 45 °/s sweep), so sweeping reads as moving throughout.</li>
 * </ol>
 * While calibrating it reads as moving, so the keep-moving rule never counts a start as stillness.
 * The held-still warning therefore comes {@link #HOLD_NANOS} after the gun stops turning.
 */
final class MotionDetector {

    static final int CALIBRATION_SAMPLES = 25;
    static final double STEADY_DPS = 2;
    static final double BIAS_TAU_SECONDS = 5;
    static final long HOLD_NANOS = 300_000_000L;

    private final double threshold;
    private final double[] bias = new double[3];
    private final double[] min = new double[3];
    private final double[] max = new double[3];
    private final double[] sum = new double[3];
    private int calibrationLeft = CALIBRATION_SAMPLES;
    private long lastNanos;
    private long lastActiveNanos;
    private boolean moving = true;

    /** @param thresholdDps the rate that counts as moving, °/s */
    MotionDetector(double thresholdDps) {
        this.threshold = thresholdDps;
        for (int i = 0; i < 3; i++) {
            min[i] = Double.MAX_VALUE;
            max[i] = -Double.MAX_VALUE;
        }
    }

    /** The rates at {@code nowNanos}, °/s; returns whether the gun is being moved. */
    boolean update(long nowNanos, double x, double y, double z) {
        double dt = calibrationLeft == CALIBRATION_SAMPLES ? 0 : Math.max(0, (nowNanos - lastNanos) / 1e9);
        lastNanos = nowNanos;
        if (calibrationLeft > 0) {
            calibrate(x, y, z);
            lastActiveNanos = nowNanos;
            return moving;
        }
        double rx = x - bias[0];
        double ry = y - bias[1];
        double rz = z - bias[2];
        double m = Math.sqrt(rx * rx + ry * ry + rz * rz);
        if (m >= threshold) {
            moving = true;
        }
        if (m >= threshold / 2) {
            lastActiveNanos = nowNanos;
        } else {
            double k = Math.min(1, dt / BIAS_TAU_SECONDS);
            bias[0] += rx * k;
            bias[1] += ry * k;
            bias[2] += rz * k;
            if (moving && nowNanos - lastActiveNanos >= HOLD_NANOS) {
                moving = false;
            }
        }
        return moving;
    }

    private void calibrate(double x, double y, double z) {
        double[] v = {x, y, z};
        for (int i = 0; i < 3; i++) {
            sum[i] += v[i];
            min[i] = Math.min(min[i], v[i]);
            max[i] = Math.max(max[i], v[i]);
        }
        if (--calibrationLeft == 0) {
            boolean steady = true;
            for (int i = 0; i < 3; i++) {
                steady &= max[i] - min[i] <= STEADY_DPS;
            }
            for (int i = 0; i < 3; i++) {
                bias[i] = steady ? sum[i] / CALIBRATION_SAMPLES : 0;
            }
        }
    }

    /** The bias in use for axis {@code i} (0..2), °/s. */
    double bias(int i) {
        return bias[i];
    }
}
