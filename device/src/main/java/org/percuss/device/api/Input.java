package org.percuss.device.api;

/**
 * A digital input of the device: the {@code inputs} bits of the link protocol (PROTOCOL.md).
 */
public enum Input {
    /** The power button is held. */
    POWER_BUTTON(0),
    /** The plus (faster) button is held. */
    PLUS_BUTTON(1),
    /** The minus (slower) button is held. */
    MINUS_BUTTON(2),
    /** The emergency-stop input is active. */
    EMERGENCY_STOP(3),
    /** The motion sensor sees the device moving across the body. */
    MOTION(4);

    private final int bit;

    Input(int bit) {
        this.bit = bit;
    }

    /** The protocol bit of this input. */
    public int bit() {
        return bit;
    }

    public int mask() {
        return 1 << bit;
    }
}
