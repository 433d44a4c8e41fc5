package org.percuss.controller.cli;

/** Fixed-point number formatting into a {@link StringBuilder} without allocating. */
final class Numbers {

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private Numbers() {
    }

    /** Appends {@code value} rounded to {@code decimals} places (0..6), as {@code -12.345}. */
    static StringBuilder appendFixed(StringBuilder sb, double value, int decimals) {
        long scale = POW10[decimals];
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = scaled % scale;
            for (long p = scale / 10; p > frac && p > 1; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }
}
