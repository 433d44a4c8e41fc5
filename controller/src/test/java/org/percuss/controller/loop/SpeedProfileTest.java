package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void refusesBoundsAndRatesThatCannotBe() {
        assertThat(new SpeedProfile(1, 1, 0, 1)).isNotNull(); // one level, no warm-up, the slowest ramp
        assertThatThrownBy(() -> new SpeedProfile(0, 3200, 0, 250)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 0 < lowest <= highest, got 0, 3200");
        assertThatThrownBy(() -> new SpeedProfile(1200, 1199, 0, 250)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpeedProfile(1200, 3200, -1, 250)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm-up must not be negative and the ramp must be positive");
        assertThatThrownBy(() -> new SpeedProfile(1200, 3200, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsFromAStartUntilAStop() {
        assertThat(profile.running()).isFalse();
        assertThat(profile.warmingUp()).isFalse();
        profile.start();
        assertThat(profile.running()).isTrue();
        assertThat(profile.warmingUp()).isTrue();
        profile.stop();
        assertThat(profile.running()).isFalse();
        assertThat(profile.warmingUp()).as("a stopped profile is not warming up").isFalse();
    }

    @Test
    void aWarmUpOfZeroRampsFromTheFirstInterval() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 250);
        p.start();
        assertThat(p.warmingUp()).isFalse();
        assertThat(p.next(3200, 0)).isEqualTo(1200);
        assertThat(p.next(3200, 10 * MS)).isEqualTo(1202);
    }

    @Test
    void aTargetAtTheCurrentSpeedHoldsItExactly() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 7); // a slow ramp carries fractions
        p.start();
        p.next(1300, 0);
        for (int i = 0; i < 2000; i++) {
            p.next(1300, 10 * MS); // 0.07 ppm a tick: 140 ppm in 20 s
        }
        assertThat(p.next(1300, 10 * MS)).isEqualTo(1300);
        assertThat(p.next(1300, 10 * MS)).isEqualTo(1300);
        assertThat(p.next(1301, 10 * MS)).as("a fraction only, no whole ppm yet").isEqualTo(1300);
    }
}
