package org.percuss.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The board's PI regulator closing the loop around the real plant. */
class SpeedRegulatorTest {

    private final GunPlant plant = new GunPlant(PhysicsParameters.DEFAULT);
    private final SpeedRegulator pi = new SpeedRegulator(MotorParameters.MASSAGE_GUN, 14.8);

    private void run(double seconds, double setpointRpm) {
        for (int i = 0; i < (int) (seconds * 1000); i++) {
            double duty = pi.update(0.001, DcMotor.radPerSec(setpointRpm), plant.speedRadPerSec(), plant.supplyVolts());
            plant.step(0.001, duty);
        }
    }

    @Test
    void reachesTheSetpointWithoutOvershootAndHoldsIt() {
        double peak = 0;
        for (int i = 0; i < 2000; i++) {
            double duty = pi.update(0.001, DcMotor.radPerSec(2200), plant.speedRadPerSec(), plant.supplyVolts());
            plant.step(0.001, duty);
            peak = Math.max(peak, plant.speedRpm());
        }
        assertThat(plant.speedRpm()).isCloseTo(2200, within(1.0));
        assertThat(peak).isLessThan(2200 * 1.02);
    }

    @Test
    void holdsTheSetpointWhenTheUserPresses() {
        run(1, 2200);
        plant.setPressure(20);
        run(1, 2200);
        assertThat(plant.speedRpm()).isCloseTo(2200, within(2.0));
        assertThat(plant.currentAmps()).isGreaterThan(2.0);
    }

    @Test
    void doesNotWindUpWhileSaturated() {
        // Ask for more than the motor can give while pressing hard: the duty saturates for 5 s.
        plant.setPressure(60);
        run(5, 6000);
        assertThat(pi.duty()).isEqualTo(1.0);
        // Asked for 2200 again, it gets there promptly and does not overshoot from a wound-up integral.
        plant.setPressure(0);
        double peak = 0;
        for (int i = 0; i < 1500; i++) {
            double duty = pi.update(0.001, DcMotor.radPerSec(2200), plant.speedRadPerSec(), plant.supplyVolts());
            plant.step(0.001, duty);
            if (i > 300) {
                peak = Math.max(peak, plant.speedRpm());
            }
        }
        assertThat(plant.speedRpm()).isCloseTo(2200, within(2.0));
        assertThat(peak).isLessThan(2200 * 1.02);
    }

    @Test
    void aSetpointOfZeroIsAStop() {
        run(1, 3000);
        run(0.5, 0);
        assertThat(pi.duty()).isZero();
        assertThat(plant.speedRpm()).isZero();
    }

    @Test
    void gainsFollowTheDesign() {
        MotorParameters m = MotorParameters.MASSAGE_GUN;
        double gain = 14.8 / m.torqueConstant();
        assertThat(pi.proportionalGain()).isCloseTo(m.mechanicalTimeConstantSeconds() / (gain * 0.08), within(1e-12));
        assertThat(pi.integralGain()).isCloseTo(pi.proportionalGain() / m.mechanicalTimeConstantSeconds(), within(1e-12));
    }
}
