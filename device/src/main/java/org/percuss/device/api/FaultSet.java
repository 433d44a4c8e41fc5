package org.percuss.device.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable set of {@link Fault}s, held as a bit mask so that reading and combining sets in
 * the control tick allocates nothing.
 *
 * @param bits one bit per fault, at {@link Fault#bit()}
 */
public record FaultSet(int bits) {

    /** The empty set. */
    public static final FaultSet NONE = new FaultSet(0);

    /** The set of the given faults. */
    public static FaultSet of(Fault... faults) {
        int bits = 0;
        for (Fault f : faults) {
            bits |= f.mask();
        }
        return new FaultSet(bits);
    }

    /**
     * The set a board reports in the protocol's 16-bit {@code faults} field. Bits this version does
     * not know are reported as {@link Fault#INTERNAL}: any set bit stops the motor.
     */
    public static FaultSet fromWire(int wireBits) {
        int bits = wireBits & Fault.WIRE_MASK;
        if ((wireBits & 0xFFFF & ~Fault.WIRE_MASK) != 0) {
            bits |= Fault.INTERNAL.mask();
        }
        return new FaultSet(bits);
    }

    /** The protocol's {@code faults} field for this set (host-only faults are not sent). */
    public int toWire() {
        return bits & Fault.WIRE_MASK;
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public boolean contains(Fault fault) {
        return (bits & fault.mask()) != 0;
    }

    public FaultSet with(Fault fault) {
        return new FaultSet(bits | fault.mask());
    }

    public FaultSet union(FaultSet other) {
        return new FaultSet(bits | other.bits);
    }

    /** The faults in bit order. */
    public List<Fault> faults() {
        List<Fault> list = new ArrayList<>();
        for (Fault f : Fault.values()) {
            if (contains(f)) {
                list.add(f);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** The faults in words, for messages: {@code "over temperature, stall"}, or {@code "none"}. */
    public String describe() {
        if (bits == 0) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Fault f : faults()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(f.description());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "FaultSet" + faults();
    }
}
