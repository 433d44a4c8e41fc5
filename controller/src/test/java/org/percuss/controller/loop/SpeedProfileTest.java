package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeedProfileTest {

    private static final long MS = 1_000_000L;
    private final SpeedProfile profile = new SpeedProfile(1200, 3200, 10_000 * MS, 250);

    @Test
    void stoppedMeansZero() {
        assertThat(profile.next(2200, 10 * MS)).isZero();
    }

    @Test
    void holdsTheLowestLevelForExactlyTheWarmUp() {
        profile.start();
        assertThat(profile.next(3200, 0)).isEqualTo(1200);
        for (int i = 0; i < 999; i++) {
            assertThat(profile.next(3200, 10 * MS)).isEqualTo(1200);
        }
        assertThat(profile.warmingUp()).isTrue();
        assertThat(profile.next(3200, 10 * MS)).isEqualTo(1200); // 10.000 s: warm-up just over
        assertThat(profile.warmingUp()).isFalse();
        assertThat(profile.next(3200, 10 * MS)).isEqualTo(1202); // r·dt = 2.5 ppm: 2 whole ppm
        assertThat(profile.next(3200, 10 * MS)).isEqualTo(1204); // the half is dropped, not carried
    }

    @Test
    void aWarmUpEndingInsideAnIntervalRampsOnlyForTheRest() {
        profile.start();
        profile.next(3200, 0);
        assertThat(profile.next(3200, 10_400 * MS)).isEqualTo(1300); // 0.4 s of ramp = 100 ppm
    }

    @Test
    void noTickRisesMoreThanTheRateAllows() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 250);
        p.start();
        int previous = p.next(3200, 0);
        for (int i = 0; i < 2000; i++) {
            int now = p.next(3200, 10 * MS);
            assertThat(now - previous).isLessThanOrEqualTo(2); // 250 ppm/s · 10 ms = 2.5
            previous = now;
        }
        assertThat(previous).isEqualTo(3200);
    }

    @Test
    void aSlowRampCarriesFractionsExactlyWithoutDrift() {
        SpeedProfile q = new SpeedProfile(1200, 3200, 0, 7); // 0.021 ppm per 3 ms step
        q.start();
        q.next(3200, 0);
        int last = 0;
        for (int i = 0; i < 30_000; i++) { // 90 s
            last = q.next(3200, 3 * MS);
        }
        assertThat(last).isEqualTo(1200 + 630);
    }

    @Test
    void aRateOfAWholeNumberOfPpmPerTickIsExact() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 1000);
        p.start();
        p.next(3200, 0);
        for (int i = 0; i < 100; i++) {
            p.next(3200, 10 * MS);
        }
        assertThat(p.next(3200, 0)).isEqualTo(2200); // 10 ppm a tick for 1 s
    }

    @Test
    void decreasesAreImmediateAndTargetsAreClampedIntoBounds() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 1000);
        p.start();
        p.next(9999, 0);
        for (int i = 0; i < 300; i++) {
            p.next(9999, 10 * MS);
        }
        assertThat(p.next(9999, 10 * MS)).isEqualTo(3200);
        assertThat(p.next(1700, 10 * MS)).isEqualTo(1700);
        assertThat(p.next(5, 10 * MS)).isEqualTo(1200);
    }

    @Test
    void aRestartBeginsAgainAtTheLowestLevel() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 1000);
        p.start();
        for (int i = 0; i < 300; i++) {
            p.next(3200, 10 * MS);
        }
        p.stop();
        assertThat(p.next(3200, 10 * MS)).isZero();
        p.start();
        assertThat(p.next(3200, 0)).isEqualTo(1200);
    }
}
