package org.percuss.device.gpio;

/**
 * What the rig knows of the Pi's I2C buses, in one place: the range of a 7-bit address a chip may
 * have, the buses Linux numbers, and the header pins of the buses whose pins are fixed (bus 1 is
 * GPIO2/GPIO3 on every Pi with a 40-pin header; bus 0, GPIO0/GPIO1, is meant for HAT EEPROMs).
 */
public final class I2cBus {

    /** 0x00..0x02 and 0x78..0x7F are reserved by the I2C specification. */
    public static final int MIN_ADDRESS = 0x03;
    public static final int MAX_ADDRESS = 0x77;
    /** The highest {@code /dev/i2c-N} taken. */
    public static final int MAX_BUS = 31;
    /** The bus on the header's pins 3 and 5. */
    public static final int HEADER_BUS = 1;

    private I2cBus() {
    }

    /** Checks {@code bus} and {@code address} of the sensor at {@code key} ({@code sensors.current}). */
    static void check(String key, int bus, int address) {
        SettingException.range(key + ".bus", bus, 0, MAX_BUS);
        if (address < MIN_ADDRESS || address > MAX_ADDRESS) {
            throw new SettingException(key + ".address", hex(address) + " is outside " + hex(MIN_ADDRESS) + ".."
                    + hex(MAX_ADDRESS) + " (7-bit I2C addresses)");
        }
    }

    /** The SDA and SCL pins of {@code bus}, or an empty array when they depend on an overlay. */
    static int[] pins(int bus) {
        return switch (bus) {
            case 0 -> new int[] {0, 1};
            case 1 -> new int[] {2, 3};
            default -> new int[0];
        };
    }

    /** "at 0x40 on bus 1", for names and messages. */
    static String where(int bus, int address) {
        return "at " + hex(address) + " on bus " + bus;
    }

    /** {@code 0x40}. */
    public static String hex(int address) {
        return address < 0 ? Integer.toString(address) : String.format("0x%02x", address);
    }
}
