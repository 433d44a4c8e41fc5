package org.percuss.device.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PersistenceTest {

    private static final long MS = 1_000_000L;

    @Nested
    class Leaky {

        private final Persistence p = Persistence.leaky(100 * MS);

        @Test
        void aCleanConditionActsAfterExactlyItsTime() {
            for (long t = 0; t < 100; t += 10) {
                assertThat(p.update(true, t * MS)).as("at %d ms", t).isFalse();
            }
            assertThat(p.update(true, 100 * MS)).isTrue();
        }

        @Test
        void theIntervalCountsAsTheEarlierSampleSaid() {
            p.update(false, 0);
            p.update(true, 50 * MS); // held from 50 ms, not from 0
            assertThat(p.held()).isZero();
            assertThat(p.update(true, 149 * MS)).isFalse();
            assertThat(p.update(true, 150 * MS)).isTrue();
        }

        @Test
        void aDipDrainsAtTheSameRateInsteadOfRestarting() {
            p.update(true, 0);
            p.update(true, 80 * MS);
            p.update(false, 90 * MS); // 90 held
            p.update(true, 100 * MS); // 80 held: drained by the 10 ms not holding
            assertThat(p.held()).isEqualTo(80 * MS);
            assertThat(p.update(true, 119 * MS)).isFalse();
            assertThat(p.update(true, 120 * MS)).isTrue();
        }

        @Test
        void aConditionHoldingThreeQuartersOfTheTimeActsAfterTwiceItsTime() {
            // T / (2p - 1) with p = 3/4: 200 ms
            long t = 0;
            boolean reached = false;
            for (int i = 0; !reached; i++, t += 10) {
                reached = p.update(i % 4 != 3, t * MS);
            }
            assertThat(t - 10).as("about 200 ms, by the discrete pattern").isBetween(170L, 210L);
        }

        @Test
        void aConditionHoldingHalfTheTimeNeverActs() {
            for (int i = 0; i < 10_000; i++) {
                assertThat(p.update(i % 2 == 0, i * 10 * MS)).isFalse();
            }
        }

        @Test
        void itIsClampedAtItsTimeSoALongConditionIsForgottenAfterItsTime() {
            for (long t = 0; t <= 5000; t += 10) {
                p.update(true, t * MS);
            }
            assertThat(p.held()).isEqualTo(100 * MS);
            p.update(false, 5010 * MS);
            p.update(false, 5100 * MS);
            assertThat(p.held()).isEqualTo(10 * MS);
            assertThat(p.reached()).isFalse();
        }

        @Test
        void stillActsWhileDrainingFromItsTimeOnTheFirstSampleThatDoesNotHold() {
            for (long t = 0; t <= 100; t += 10) {
                p.update(true, t * MS);
            }
            assertThat(p.update(false, 110 * MS)).as("110 ms counted as held, then one sample off").isTrue();
            assertThat(p.update(false, 120 * MS)).isFalse();
        }

        @Test
        void resetForgetsEverything() {
            p.update(true, 0);
            p.update(true, 90 * MS);
            p.reset();
            assertThat(p.held()).isZero();
            assertThat(p.update(true, 100 * MS)).isFalse();
            assertThat(p.update(true, 199 * MS)).isFalse();
            assertThat(p.update(true, 200 * MS)).isTrue();
        }

        @Test
        void aZeroTimeActsOnlyWhileTheConditionHolds() {
            Persistence zero = Persistence.leaky(0);
            assertThat(zero.update(true, 0)).isTrue();
            assertThat(zero.update(false, 10 * MS)).isFalse();
        }
    }

    @Nested
    class Resetting {

        private final Persistence p = Persistence.resetting(100 * MS);

        @Test
        void oneSampleThatDoesNotHoldRestartsIt() {
            p.update(true, 0);
            p.update(true, 90 * MS);
            assertThat(p.update(false, 95 * MS)).isFalse();
            assertThat(p.held()).isZero();
            p.update(true, 100 * MS);
            assertThat(p.update(true, 199 * MS)).isFalse();
            assertThat(p.update(true, 200 * MS)).isTrue();
        }
    }
}
