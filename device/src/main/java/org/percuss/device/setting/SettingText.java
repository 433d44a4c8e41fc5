package org.percuss.device.setting;

import java.time.Duration;

/**
 * How a setting's values are written, in files and in messages, in one place: numbers as people
 * write them ({@code 3}, {@code 0.5}), durations as a file writes them ({@code 250ms}, {@code 1m30s}),
 * addresses in hex ({@code 0x40}). {@link Setting#outside} says a value out of its range with them.
 */
public final class SettingText {

    private SettingText() {
    }

    /** A number as a user writes it: {@code 3}, {@code 0.5}. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** An address in hex: {@code 0x40}. */
    public static String hex(long v) {
        return v < 0 ? Long.toString(v) : String.format("0x%02x", v);
    }

    /** {@code d} as a file writes it: {@code 15m}, {@code 1m30s}, {@code 250ms}; {@code 0s} for none. */
    public static String duration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        int ms = d.toMillisPart();
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0) {
            sb.append(s).append('s');
        }
        if (ms > 0) {
            sb.append(ms).append("ms");
        }
        return sb.isEmpty() ? d.toNanos() + "ns" : sb.toString();
    }
}
