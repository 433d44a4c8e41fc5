package org.percuss.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BatteryTest {

    @Test
    void theTerminalVoltageSagsByCurrentTimesInternalResistance() {
        Battery b = new Battery(0.9);
        double ocv = b.openCircuitVolts();
        b.step(0.001, 3.0);
        assertThat(ocv - b.terminalVolts()).isCloseTo(3.0 * Battery.INTERNAL_OHMS, within(1e-4));
    }

    @Test
    void theOpenCircuitVoltageFollowsTheCellCurveTimesFour() {
        assertThat(new Battery(1.0).openCircuitVolts()).isCloseTo(16.8, within(1e-9));
        assertThat(new Battery(0.5).openCircuitVolts()).isCloseTo(4 * 3.73, within(1e-9));
        assertThat(Battery.cellOpenCircuitVolts(0.45)).isCloseTo((3.68 + 3.73) / 2, within(1e-9));
        assertThat(new Battery(0).openCircuitVolts()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void chargeIsDrawnDownByTheCurrentTaken() {
        Battery b = new Battery(1.0);
        for (int i = 0; i < 3600; i++) {
            b.step(1, 0.25); // 0.25 A for an hour: a tenth of 2.5 Ah
        }
        assertThat(b.stateOfCharge()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void aSaggingPackSagsMoreUnderTheSameLoad() {
        Battery b = new Battery(0.9);
        b.setInternalOhms(Battery.INTERNAL_OHMS * 8);
        b.step(0.001, 3.0);
        assertThat(b.openCircuitVolts() - b.terminalVolts()).isCloseTo(3.6, within(1e-3));
    }
}
