package org.percuss.device.guard;

/**
 * What a board answers to a speed command: accepted, or refused and why (the NACK
 * reasons of PROTOCOL.md that apply to SET_SPEED).
 */
public enum CommandOutcome {
    /** Accepted (ACK). */
    ACCEPTED,
    /** Non-zero and outside the board's [min_ppm, max_ppm] (NACK OUT_OF_RANGE). */
    OUT_OF_RANGE,
    /** Non-zero while a fault is latched (NACK FAULT_ACTIVE). */
    FAULT_ACTIVE
}
