package org.percuss.simulator.scenario;

/**
 * A closed range of values an expectation accepts, {@code min..max}; an exact value is a range of
 * one.
 *
 * @param min the smallest value accepted
 * @param max the largest value accepted
 */
public record Range(double min, double max) {

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("a range needs min <= max, got " + min + ".." + max);
        }
    }

    /** Exactly {@code value}. */
    public static Range exactly(double value) {
        return new Range(value, value);
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        if (min == max) {
            return fmt(min);
        }
        if (min == Double.NEGATIVE_INFINITY) {
            return "at most " + fmt(max);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return "at least " + fmt(min);
        }
        return fmt(min) + ".." + fmt(max);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
