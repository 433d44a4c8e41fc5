package org.percuss.device.api;

/**
 * An optional sensor or input a device may have: the {@code capabilities} bits of HELLO_REPLY.
 * A telemetry field whose capability is missing is meaningless and must be ignored.
 */
public enum Capability {
    /** Motor current is measured ({@code currentAmps}). */
    CURRENT_SENSE(0),
    /** Winding or driver temperature is measured ({@code temperatureCelsius}). */
    TEMPERATURE(1),
    /** Supply voltage is measured ({@code supplyVolts}). */
    SUPPLY_VOLTAGE(2),
    /** A motion sensor tells whether the device is moved across the body. */
    MOTION_SENSOR(3),
    /** Power, plus and minus buttons are reported. */
    BUTTONS(4);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    /** The protocol bit of this capability. */
    public int bit() {
        return bit;
    }

    public int mask() {
        return 1 << bit;
    }
}
