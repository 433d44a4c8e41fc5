package org.percuss.controller.loop;

/** Formats durations for people: {@code 0:20}, {@code 15:00}, {@code 1:02:03}. */
public final class Durations {

    private Durations() {
    }

    /** {@code nanos} as minutes and seconds (hours when needed), rounded down to the second. */
    public static String format(long nanos) {
        long s = Math.max(0, nanos) / 1_000_000_000L;
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}
