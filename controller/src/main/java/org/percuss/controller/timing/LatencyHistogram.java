package org.percuss.controller.timing;

/**
 * Counts durations, in whole microseconds, in buckets allocated once: recording one allocates
 * nothing, so the control tick can record its own lateness. Exact to the microsecond below
 * {@value #LINEAR_MICROS} µs; above, each power of two is cut into {@value #SUB_BUCKETS} buckets,
 * so a value is known within 1/1024 (0.1 %). Durations of 2^40 µs (12 days) and more share the
 * last bucket; negative ones count as 0. Percentiles are nearest-rank ({@link Percentiles}) and read
 * as the highest value of their bucket, never less than what was measured. Not thread-safe.
 */
public final class LatencyHistogram {

    /** Buckets per power of two, above the linear part: 10 bits of precision. */
    static final int SUB_BUCKETS = 1024;
    /** Values below this are counted one microsecond per bucket. */
    static final long LINEAR_MICROS = 2L * SUB_BUCKETS;
    /** The most octaves above the linear part: up to 2^40 µs. */
    private static final int OCTAVES = 30;

    private final long[] counts = new long[(OCTAVES + 2) * SUB_BUCKETS];
    private long total;
    private long minNanos = Long.MAX_VALUE;
    private long maxNanos = Long.MIN_VALUE;

    /** Counts one duration of {@code nanos}. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v / 1000)]++;
        total++;
        minNanos = Math.min(minNanos, v);
        maxNanos = Math.max(maxNanos, v);
    }

    /** The bucket of a value in microseconds. */
    static int index(long micros) {
        if (micros < LINEAR_MICROS) {
            return (int) micros;
        }
        int octave = 63 - Long.numberOfLeadingZeros(micros) - 10; // 1 for 2048..4095 µs
        if (octave > OCTAVES) {
            return (OCTAVES + 2) * SUB_BUCKETS - 1;
        }
        return SUB_BUCKETS * (octave + 1) + (int) (micros >> octave) - SUB_BUCKETS;
    }

    /** The highest value, in microseconds, that falls into bucket {@code index}. */
    static long highestMicros(int index) {
        if (index < LINEAR_MICROS) {
            return index;
        }
        int octave = index / SUB_BUCKETS - 1;
        long mantissa = index % SUB_BUCKETS + SUB_BUCKETS;
        return ((mantissa + 1) << octave) - 1;
    }

    /** How many durations were counted. */
    public long count() {
        return total;
    }

    /**
     * The {@code percent}-th percentile in microseconds (nearest rank, the highest value of its bucket).
     *
     * @throws IllegalArgumentException when nothing was counted, or percent is outside 0..100
     */
    public long percentileMicros(double percent) {
        long rank = Percentiles.rank(total, percent);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestMicros(i), maxNanos / 1000);
            }
        }
        throw new IllegalStateException("the counts do not add up to " + total);
    }

    /** The longest duration counted, exactly, in nanoseconds. */
    public long maxNanos() {
        if (total == 0) {
            throw new IllegalArgumentException("no values");
        }
        return maxNanos;
    }

    /** The shortest duration counted, exactly, in nanoseconds. */
    public long minNanos() {
        if (total == 0) {
            throw new IllegalArgumentException("no values");
        }
        return minNanos;
    }
}
