package org.percuss.controller.safety;

import org.percuss.device.api.Fault;

/**
 * A safety rule's answer for one tick: OK, DERATE to a level, or TRIP with a fault. The instances
 * are shared constants, so answering allocates nothing.
 *
 * @param kind what the rule asks for
 * @param level the highest level allowed, for {@link Kind#DERATE}; 0 otherwise
 * @param fault the fault to latch, for {@link Kind#TRIP}; {@code null} otherwise
 */
public record Verdict(Kind kind, int level, Fault fault) {

    /** What a rule asks of the controller. */
    public enum Kind {
        /** Nothing to do. */
        OK,
        /** Run no faster than {@link Verdict#level()}. */
        DERATE,
        /** Stop at once and latch {@link Verdict#fault()}. */
        TRIP
    }

    /** Nothing to do. */
    public static final Verdict OK = new Verdict(Kind.OK, 0, null);

    private static final int CACHED_LEVELS = 32;
    private static final Verdict[] TRIPS = new Verdict[Fault.values().length];
    private static final Verdict[] DERATES = new Verdict[CACHED_LEVELS + 1];

    static {
        for (Fault f : Fault.values()) {
            TRIPS[f.ordinal()] = new Verdict(Kind.TRIP, 0, f);
        }
        for (int level = 1; level <= CACHED_LEVELS; level++) {
            DERATES[level] = new Verdict(Kind.DERATE, level, null);
        }
    }

    /** Stop and latch {@code fault}. */
    public static Verdict trip(Fault fault) {
        return TRIPS[fault.ordinal()];
    }

    /** Run no faster than {@code level} (1 = the lowest). */
    public static Verdict derateTo(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("derate level must be at least 1, got " + level);
        }
        return level <= CACHED_LEVELS ? DERATES[level] : new Verdict(Kind.DERATE, level, null);
    }
}
