package org.percuss.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FirstOrderMotorTest {

    @Test
    void reaches63PercentOfAStepAfterOneTimeConstant() {
        FirstOrderMotor motor = new FirstOrderMotor(0.2);
        for (int i = 0; i < 200; i++) {
            motor.step(0.001, 2000);
        }
        assertThat(motor.speedPpm()).isCloseTo(2000 * (1 - Math.exp(-1)), within(1e-6));
    }

    @Test
    void theResultDoesNotDependOnTheStepSize() {
        FirstOrderMotor fine = new FirstOrderMotor(0.2);
        FirstOrderMotor coarse = new FirstOrderMotor(0.2);
        for (int i = 0; i < 1000; i++) {
            fine.step(0.0005, 1500);
        }
        coarse.step(0.5, 1500);
        assertThat(fine.speedPpm()).isCloseTo(coarse.speedPpm(), within(1e-6));
    }

    @Test
    void stopsCompletelyAndDrawsNoCurrentWhenStopped() {
        FirstOrderMotor motor = new FirstOrderMotor(0.2);
        motor.step(2, 3000);
        assertThat(motor.currentAmps()).isGreaterThan(1);
        assertThat(motor.supplyVolts()).isLessThan(16.4);
        motor.step(5, 0);
        assertThat(motor.speedPpm()).isZero();
        assertThat(motor.currentAmps()).isZero();
    }
}
