package org.percuss.controller.safety;

import org.percuss.device.api.Fault;

/**
 * A safety rule's answer for one tick: OK, DERATE to a level, or TRIP with a fault. The instances
 * are shared constants, so answering allocates nothing.
 *
 * @param kind what the rule asks for
 * @param level the highest level allowed, for {@link Kind#DERATE}; 0 otherwise
 * @param fault the fault to latch, for {@link Kind#TRIP} (the one that explains the others when
 *        there are several); {@code null} otherwise
 * @param faultMask every fault to latch, as {@link org.percuss.device.api.FaultSet} bits, for
 *        {@link Kind#TRIP}; 0 otherwise
 */
public record Verdict(Kind kind, int level, Fault fault, int faultMask) {

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
    public static final Verdict OK = new Verdict(Kind.OK, 0, null, 0);

    private static final int CACHED_LEVELS = 32;
    private static final Verdict[] TRIPS = new Verdict[Fault.values().length];
    private static final Verdict[] WIRE_TRIPS = new Verdict[Fault.WIRE_MASK + 1];
    private static final Verdict[] DERATES = new Verdict[CACHED_LEVELS + 1];

    static {
        for (Fault f : Fault.values()) {
            TRIPS[f.ordinal()] = new Verdict(Kind.TRIP, 0, f, f.mask());
        }
        for (int mask = 1; mask <= Fault.WIRE_MASK; mask++) {
            WIRE_TRIPS[mask] = new Verdict(Kind.TRIP, 0, explaining(mask), mask);
        }
        for (int level = 1; level <= CACHED_LEVELS; level++) {
            DERATES[level] = new Verdict(Kind.DERATE, level, null, 0);
        }
    }

    /** Stop and latch {@code fault}. */
    public static Verdict trip(Fault fault) {
        return TRIPS[fault.ordinal()];
    }

    /**
     * Stop and latch every fault in {@code wireMask} (the protocol's fault bits, 1..0x7F): a device
     * may report several at once, and each must be latched and named (issue 11).
     */
    public static Verdict tripAll(int wireMask) {
        if (wireMask <= 0 || (wireMask & ~Fault.WIRE_MASK) != 0) {
            throw new IllegalArgumentException("a device's fault bits are 1..0x7F, got 0x" + Integer.toHexString(wireMask));
        }
        return WIRE_TRIPS[wireMask];
    }

    /** The fault that explains the others: an emergency stop first, else the lowest bit. */
    private static Fault explaining(int mask) {
        if ((mask & Fault.EMERGENCY_STOP.mask()) != 0) {
            return Fault.EMERGENCY_STOP;
        }
        for (Fault f : Fault.values()) {
            if ((mask & f.mask()) != 0) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fault in mask " + mask);
    }

    /** Run no faster than {@code level} (1 = the lowest). */
    public static Verdict derateTo(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("derate level must be at least 1, got " + level);
        }
        return level <= CACHED_LEVELS ? DERATES[level] : new Verdict(Kind.DERATE, level, null, 0);
    }
}
