package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The motion detector on sampled gyro rates: 50 samples a second, as the rig reads them. */
class MotionDetectorTest {

    private static final long PERIOD = 20_000_000L;
    private final MotionDetector detector = new MotionDetector(10);
    private long now;

    /** Feeds {@code seconds} of samples at rate {@code z(t)} about one axis with a bias; returns the last answer. */
    private boolean feed(double seconds, java.util.function.DoubleUnaryOperator z, double bias) {
        boolean moving = false;
        for (int i = 0; i < Math.round(seconds * 50); i++) {
            double t = now / 1e9;
            moving = detector.update(now, 1.5 + 0.02 * Math.sin(t * 7), -0.8, bias + z.applyAsDouble(t));
            now += PERIOD;
        }
        return moving;
    }

    @Test
    void aSteadyStartIsTakenAsTheBiasSoAGunAtRestIsStill() {
        assertThat(feed(0.4, t -> 0, 15)).as("calibrating: counted as moving").isTrue();
        assertThat(feed(1.0, t -> 0, 15)).as("15 °/s of offset, learnt, is not motion").isFalse();
        assertThat(detector.bias(2)).isCloseTo(15, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aSweepBackAndForthIsMovingThroughoutItsTurns() {
        feed(2, t -> 0, 0);
        boolean always = true;
        for (int i = 0; i < 300; i++) {
            always &= feed(0.02, t -> 45 * Math.cos(Math.PI * t), 0);
        }
        assertThat(always).isTrue();
    }

    @Test
    void stillnessIsSeenAfterTheHoldAndMotionAtTheFirstBriskSample() {
        feed(2, t -> 0, 2);
        assertThat(feed(1, t -> 30, 2)).isTrue();
        long stopped = now;
        boolean moving = true;
        while (moving) {
            moving = feed(0.02, t -> 0, 2);
        }
        assertThat(now - stopped).isBetween(MotionDetector.HOLD_NANOS, MotionDetector.HOLD_NANOS + 2 * PERIOD);
        assertThat(feed(0.02, t -> 12, 2)).as("one sample above the threshold").isTrue();
    }

    @Test
    void aGunMovedWhileItStartsLearnsNoBiasFromTheMotion() {
        assertThat(feed(0.5, t -> 45 * Math.cos(Math.PI * t), 1)).isTrue();
        assertThat(detector.bias(2)).isZero();
        feed(20, t -> 45 * Math.cos(Math.PI * t), 1);
        assertThat(feed(1, t -> 0, 1)).as("held still after sweeping").isFalse();
        assertThat(detector.bias(2)).as("learnt while still, and at the turns").isBetween(0.0, 1.5);
    }
}
