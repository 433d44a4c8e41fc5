package org.percuss.device.api;

/**
 * A fault that stops the motor and stays latched until it is explicitly cleared.
 *
 * <p>The first seven are the {@code faults} bits of the link protocol (PROTOCOL.md), reported by
 * the board; the others are detected by the host itself. {@link #bit()} is the bit of this fault
 * in a {@link FaultSet}; for the board's faults it is the wire bit.
 */
public enum Fault {
    /** The board heard nothing from the host for its watchdog period and stopped the motor. */
    COMM_TIMEOUT(0, "communication timeout"),
    /** Motor current above the trip limit. */
    OVER_CURRENT(1, "over current"),
    /** Winding or driver temperature above the trip limit. */
    OVER_TEMPERATURE(2, "over temperature"),
    /** Supply voltage below the trip limit. */
    UNDER_VOLTAGE(3, "under voltage"),
    /** The rotor turns far slower than commanded: it is blocked or pressed too hard. */
    STALL(4, "stall"),
    /** The emergency stop was pressed (input pin, button, command line or signal). */
    EMERGENCY_STOP(5, "emergency stop"),
    /** The board reports an internal error, or a fault bit this version does not know. */
    INTERNAL(6, "internal board fault"),
    /** The host received no telemetry for five telemetry periods. */
    STALE_TELEMETRY(8, "stale telemetry"),
    /** The link to the board failed: unplugged, closed, or an I/O error. */
    LINK_LOST(9, "link lost"),
    /**
     * The device restarted behind the host's back (a brown-out, a watchdog reset): it came up with
     * nothing latched, so only its uptime going back shows it.
     */
    DEVICE_RESTARTED(10, "device restarted");

    /** Mask of the fault bits defined by the link protocol (bits 0..6). */
    public static final int WIRE_MASK = 0x7F;

    private final int bit;
    private final String description;

    Fault(int bit, String description) {
        this.bit = bit;
        this.description = description;
    }

    /** The bit of this fault in a {@link FaultSet} (for board faults, the protocol's bit). */
    public int bit() {
        return bit;
    }

    /** The mask with only this fault's bit set. */
    public int mask() {
        return 1 << bit;
    }

    /** Whether the board reports this fault over the link (bits 0..6 of {@code faults}). */
    public boolean isWireFault() {
        return (mask() & WIRE_MASK) != 0;
    }

    /** Lower-case words for messages, for example {@code "over temperature"}. */
    public String description() {
        return description;
    }
}
