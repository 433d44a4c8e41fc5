package org.percuss.controller.timing;

/**
 * The one definition of a percentile here: nearest rank. The p-th percentile of n values is the
 * smallest value with at least {@code ceil(p/100 · n)} values at or below it (at least the first),
 * so p100 is the maximum and no value is interpolated that was not measured.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The 1-based rank of the {@code percent}-th percentile among {@code n} values.
     *
     * @throws IllegalArgumentException when n is not positive or percent is outside 0..100
     */
    public static long rank(long n, double percent) {
        if (n <= 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile is 0..100, got " + percent);
        }
        // less a hair, so that 99.9 % of 1000 is rank 999 however 0.999 · 1000 rounds in binary
        long r = (long) Math.ceil(n * (percent / 100.0) - 1e-6);
        return Math.max(1, Math.min(n, r));
    }
}
