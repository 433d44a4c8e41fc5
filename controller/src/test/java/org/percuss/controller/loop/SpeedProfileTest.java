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
        assertThat(profile.next(3200, 10 * MS)).isEqualTo(1202); // 2.5 ppm, floored
        assertThat(profile.next(3200, 10 * MS)).isEqualTo(1205);
    }

    @Test
    void aWarmUpEndingInsideAnIntervalRampsOnlyForTheRest() {
        profile.start();
        profile.next(3200, 0);
        assertThat(profile.next(3200, 10_400 * MS)).isEqualTo(1300); // 0.4 s of ramp = 100 ppm
    }

    @Test
    void theRampIsExactOverLongIntervalsWithoutDrift() {
        SpeedProfile p = new SpeedProfile(1200, 3200, 0, 7);
        p.start();
        p.next(3200, 0);
        int last = 0;
        for (int i = 0; i < 100_000; i++) { // 1000 s at 3 ms steps of 7 ppm/s
            last = p.next(3200, 3 * MS);
        }
        // 1200 + 7 * 300 s = 3300, capped at 3200; check a point before the cap
        SpeedProfile q = new SpeedProfile(1200, 3200, 0, 7);
        q.start();
        q.next(3200, 0);
        for (int i = 0; i < 30_000; i++) { // 90 s
            last = q.next(3200, 3 * MS);
        }
        assertThat(last).isEqualTo(1200 + 630);
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
