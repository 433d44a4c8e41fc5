package org.percuss.controller.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Nearest rank, and the summary of a few trials built on it. */
class PercentilesTest {

    @Test
    void nearestRank() {
        assertThat(Percentiles.rank(1000, 99.9)).isEqualTo(999);
        assertThat(Percentiles.rank(1000, 99)).isEqualTo(990);
        assertThat(Percentiles.rank(100, 99)).isEqualTo(99);
        assertThat(Percentiles.rank(100, 95)).isEqualTo(95);
        assertThat(Percentiles.rank(101, 50)).isEqualTo(51);
        assertThat(Percentiles.rank(30, 99)).isEqualTo(30); // with 30 trials p99 is the maximum
        assertThat(Percentiles.rank(10, 0)).isEqualTo(1);
        assertThat(Percentiles.rank(10, 100)).isEqualTo(10);
    }

    @Test
    void refusesWhatIsNotAPercentileOrNoValues() {
        assertThatThrownBy(() -> Percentiles.rank(0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.rank(10, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.rank(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSummaryOfAHundredTrialsReadsItsRanks() {
        long[] ms = new long[120];
        for (int i = 0; i < 100; i++) {
            ms[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms
        }
        LatencySummary s = LatencySummary.of(ms, 100);
        assertThat(s).isEqualTo(new LatencySummary(100, 1_000_000, 50_000_000, 95_000_000, 99_000_000, 100_000_000));
        assertThat(ms[0]).as("the values are left as they were").isEqualTo(100_000_000L);
        assertThat(s.line()).isEqualTo("min 1.000  median 50.000  p95 95.000  p99 99.000  max 100.000 ms (100 trials)");
    }
}
