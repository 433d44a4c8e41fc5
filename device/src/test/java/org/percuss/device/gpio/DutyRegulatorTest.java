package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DutyRegulatorTest {

    @Test
    void theFeedforwardIsTheShareOfFullDutySpeed() {
        DutyRegulator r = new DutyRegulator(3600);
        assertThat(r.feedforward(1800)).isEqualTo(50);
        assertThat(r.feedforward(3600)).isEqualTo(100);
        assertThat(r.feedforward(7200)).isEqualTo(100);
        assertThat(r.update(0, 1000, 0.02)).isZero();
    }

    @Test
    void onTargetItHoldsTheFeedforward() {
        DutyRegulator r = new DutyRegulator(3600);
        for (int i = 0; i < 100; i++) {
            assertThat(r.update(1800, 1800, 0.02)).isEqualTo(50);
        }
    }

    @Test
    void aSteadyShortfallIsIntegratedAway() {
        DutyRegulator r = new DutyRegulator(3600);
        int first = r.update(1800, 1700, 0.02);
        // P: 0.01 %/ppm * 100 ppm = 1 %
        assertThat(first).isEqualTo(51);
        int later = first;
        for (int i = 0; i < 100; i++) {
            later = r.update(1800, 1700, 0.02);
        }
        // I: 0.02 %/(ppm s) * 100 ppm * 2 s = 4 % more
        assertThat(later).isEqualTo(55);
    }

    @Test
    void aStalledMotorDoesNotWindTheIntegralUp() {
        DutyRegulator r = new DutyRegulator(3600);
        for (int i = 0; i < 5_000; i++) { // 100 s stalled
            r.update(1800, 0, 0.02);
        }
        // back on target, the trim is at most its bound: 50 % feedforward + 25 % at most
        assertThat(r.update(1800, 1800, 0.02)).isLessThanOrEqualTo(75);
        r.reset();
        assertThat(r.update(1800, 1800, 0.02)).isEqualTo(50);
    }
}
