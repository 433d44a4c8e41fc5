package org.percuss.device.gpio;

/** The Pi4J ids the rig's pins and I2C chips are created under, shared by the device and the virtual Pi that drives them. */
final class PinIds {

    static final String PWM = "percuss-pwm";
    static final String ENABLE = "percuss-enable";
    static final String HEARTBEAT = "percuss-heartbeat";
    static final String TACH = "percuss-tach";
    static final String ESTOP = "percuss-estop";
    static final String POWER = "percuss-power";
    static final String PLUS = "percuss-plus";
    static final String MINUS = "percuss-minus";

    private PinIds() {
    }

    /** The id of the I2C chip at {@code address} on {@code bus}. */
    static String i2c(int bus, int address) {
        return "percuss-i2c-" + bus + "-" + Integer.toHexString(address);
    }
}
