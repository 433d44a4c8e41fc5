package org.percuss.device.gpio;

import org.percuss.device.setting.Setting;
import org.percuss.device.setting.SettingText;

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

    /** The {@code bus} setting of the I2C chip at {@code key} ({@code gpio.sensors.current}). */
    static Setting bus(String key) {
        return Setting.whole(key + ".bus", 0, MAX_BUS, "");
    }

    /** The {@code address} setting of the I2C chip at {@code key}: a 7-bit address. */
    static Setting address(String key) {
        return Setting.address(key + ".address", MIN_ADDRESS, MAX_ADDRESS).withNote("7-bit I2C addresses");
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
        return "at " + SettingText.hex(address) + " on bus " + bus;
    }
}
