package org.percuss.controller.timing;

import java.util.Arrays;
import java.util.Locale;

/**
 * A few measured latencies summed up: minimum, median, 95th and 99th percentile (nearest rank,
 * {@link Percentiles}) and maximum, in nanoseconds, over {@code trials} values.
 */
public record LatencySummary(int trials, long min, long median, long p95, long p99, long max) {

    /**
     * The summary of the first {@code n} of {@code nanos} (which it leaves as they were).
     *
     * @throws IllegalArgumentException when n is not positive
     */
    public static LatencySummary of(long[] nanos, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no values");
        }
        long[] v = Arrays.copyOf(nanos, n);
        Arrays.sort(v);
        return new LatencySummary(n, v[0], at(v, 50), at(v, 95), at(v, 99), v[n - 1]);
    }

    private static long at(long[] sorted, double percent) {
        return sorted[(int) Percentiles.rank(sorted.length, percent) - 1];
    }

    /** One line: {@code min 0.41  median 5.12  p95 9.80  p99 10.02  max 10.20 ms (100 trials)}. */
    public String line() {
        return String.format(Locale.ROOT, "min %.3f  median %.3f  p95 %.3f  p99 %.3f  max %.3f ms (%d trials)",
                min / 1e6, median / 1e6, p95 / 1e6, p99 / 1e6, max / 1e6, trials);
    }
}
