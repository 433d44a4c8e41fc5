package org.percuss.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThermalModelTest {

    @Test
    void reachesSixtyThreePercentOfItsRiseAfterOneTimeConstant() {
        ThermalModel t = new ThermalModel(25);
        double tau = t.timeConstantSeconds();
        assertThat(tau).isEqualTo(ThermalModel.COOLED_K_PER_W * ThermalModel.CAPACITY_J_PER_K);
        for (int i = 0; i < (int) tau * 1000; i++) {
            t.step(0.001, 8);
        }
        double rise = 8 * ThermalModel.COOLED_K_PER_W;
        assertThat(t.temperatureCelsius() - 25).isCloseTo(rise * (1 - Math.exp(-1)), within(1e-6));
    }

    @Test
    void settlesAtAmbientPlusPowerTimesResistance() {
        ThermalModel t = new ThermalModel(20);
        t.step(1e6, 5);
        assertThat(t.temperatureCelsius()).isCloseTo(20 + 5 * ThermalModel.COOLED_K_PER_W, within(1e-9));
    }

    @Test
    void losingTheCoolingRaisesWhereItSettlesTenfold() {
        ThermalModel t = new ThermalModel(25);
        t.setCoolingLost(true);
        assertThat(t.timeConstantSeconds()).isEqualTo(ThermalModel.UNCOOLED_K_PER_W * ThermalModel.CAPACITY_J_PER_K);
        t.step(1e7, 2);
        assertThat(t.temperatureCelsius()).isCloseTo(25 + 2 * ThermalModel.UNCOOLED_K_PER_W, within(1e-6));
    }

    @Test
    void theResultDoesNotDependOnTheStepSize() {
        ThermalModel fine = new ThermalModel(25);
        ThermalModel coarse = new ThermalModel(25);
        for (int i = 0; i < 60_000; i++) {
            fine.step(0.001, 6);
        }
        coarse.step(60, 6);
        assertThat(fine.temperatureCelsius()).isCloseTo(coarse.temperatureCelsius(), within(1e-9));
    }
}
