package org.percuss.controller.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The histogram's buckets and percentiles, on values whose percentiles are known by hand. */
class LatencyHistogramTest {

    private static final long US = 1000;

    @Test
    void oneToAThousandMicrosecondsGiveTheirNearestRankPercentilesExactly() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1000; v >= 1; v--) { // in any order
            h.record(v * US + 999); // the part below a microsecond is dropped
        }
        assertThat(h.count()).isEqualTo(1000);
        assertThat(h.percentileMicros(50)).isEqualTo(500);
        assertThat(h.percentileMicros(99)).isEqualTo(990);
        assertThat(h.percentileMicros(99.9)).isEqualTo(999);
        assertThat(h.percentileMicros(100)).isEqualTo(1000);
        assertThat(h.percentileMicros(0)).isEqualTo(1);
        assertThat(h.maxNanos()).isEqualTo(1000 * US + 999);
        assertThat(h.minNanos()).isEqualTo(1 * US + 999);
    }

    @Test
    void aRareLongValueShowsOnlyInTheTailPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 998; i++) {
            h.record(5 * US);
        }
        h.record(300 * US);
        h.record(40_000 * US); // 40 ms: in the logarithmic part
        assertThat(h.percentileMicros(99)).isEqualTo(5);
        assertThat(h.percentileMicros(99.9)).isEqualTo(300);
        assertThat(h.percentileMicros(100)).isEqualTo(40_000); // never above the exact maximum
    }

    @Test
    void aboveTheLinearPartAValueIsKnownWithinATenthOfAPercentAndNeverUnderstated() {
        long previous = -1;
        for (long micros = 0; micros < 5_000_000; micros = micros < 10_000 ? micros + 1 : micros * 1001 / 1000) {
            int i = LatencyHistogram.index(micros);
            assertThat(i).as("buckets in order, none skipped at %d µs", micros).isBetween((int) previous, (int) previous + 1);
            previous = i;
            long high = LatencyHistogram.highestMicros(i);
            assertThat(high).isGreaterThanOrEqualTo(micros);
            assertThat(high - micros).isLessThanOrEqualTo(micros / 1024);
            if (micros >= 10_000) {
                previous = LatencyHistogram.index(micros * 1001 / 1000) - 1; // the steps skip buckets from here
            }
        }
        assertThat(LatencyHistogram.index(LatencyHistogram.LINEAR_MICROS - 1)).isEqualTo(2047);
        assertThat(LatencyHistogram.index(LatencyHistogram.LINEAR_MICROS)).isEqualTo(2048);
        assertThat(LatencyHistogram.highestMicros(2048)).isEqualTo(2049); // 2048 and 2049 µs share a bucket
    }

    @Test
    void negativeDurationsCountAsZeroAndHugeOnesInTheLastBucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5_000);
        h.record(Long.MAX_VALUE);
        assertThat(h.percentileMicros(50)).isZero();
        assertThat(h.maxNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(h.percentileMicros(100)).isGreaterThan(1L << 40);
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThatThrownBy(() -> new LatencyHistogram().percentileMicros(50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyHistogram().maxNanos()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LatencyHistogram h = new LatencyHistogram();
        long[] runs = new long[5];
        for (int run = 0; run < runs.length; run++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (long i = 0; i < 100_000; i++) {
                h.record(i * 7919 % 50_000_000);
            }
            runs[run] = threads.getCurrentThreadAllocatedBytes() - before;
        }
        // an allocation per record would be at least 1.6 MB a run; the JIT may allocate a little, once
        assertThat(runs).contains(0L);
    }
}
