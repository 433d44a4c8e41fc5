package org.percuss.device.gpio;

import org.percuss.device.setting.Setting;
import org.percuss.device.setting.SettingText;

/**
 * An INA219 current and bus-voltage monitor on I2C ({@code gpio.sensors.current}), its shunt in
 * the supply line between the battery and the motor driver (or ESC), so it measures the supply's
 * current and voltage.
 *
 * <p>Calibration, as the datasheet's section 8.5.1 does it: the current register's LSB is
 * {@code max_amps / 2^15}, and the calibration register holds
 * {@code Cal = trunc(0.04096 / (Current_LSB × R_shunt))}; the chip then reports
 * {@code Current = Shunt_Voltage_Register × Cal / 4096} in LSBs. The programmable gain is the
 * smallest range (40, 80, 160 or 320 mV) that holds the shunt's voltage at {@code max_amps}, which
 * must be 25..320 mV (below 25 mV the calibration register would overflow).
 *
 * @param bus the I2C bus, {@code /dev/i2c-N}
 * @param address the chip's 7-bit address (0x40..0x4F by its A0/A1 pins)
 * @param shuntOhms the shunt resistor, ohms (0.1 Ω on the common breakout: 3.2 A at most)
 * @param maxAmps the largest current to measure, amperes; the chip's range and resolution follow
 */
public record CurrentSense(int bus, int address, double shuntOhms, double maxAmps) {

    /** The key path of the section. */
    public static final String KEY = "gpio.sensors.current";

    public static final int DEFAULT_ADDRESS = 0x40;
    public static final double DEFAULT_SHUNT_OHMS = 0.1;
    public static final double MIN_SHUNT_OHMS = 0.001;
    public static final double MAX_SHUNT_OHMS = 1.0;
    /** The shunt's voltage at {@code max_amps}, volts: the INA219's widest range, and the least that calibrates. */
    public static final double MAX_SHUNT_VOLTS = 0.32;
    public static final double MIN_SHUNT_VOLTS = 0.025;

    public static final Setting BUS = I2cBus.bus(KEY);
    public static final Setting ADDRESS = I2cBus.address(KEY);
    public static final Setting SHUNT_OHMS = Setting.number(KEY + ".shunt_ohms", MIN_SHUNT_OHMS, MAX_SHUNT_OHMS, "Ω");
    /** Any shunt's range; the shunt given narrows it to 25..320 mV across it. */
    public static final Setting MAX_AMPS = Setting.number(KEY + ".max_amps", MIN_SHUNT_VOLTS / MAX_SHUNT_OHMS,
            MAX_SHUNT_VOLTS / MIN_SHUNT_OHMS, "A");

    private static final double[] RANGES_VOLTS = {0.04, 0.08, 0.16, 0.32};

    public CurrentSense {
        BUS.require(bus);
        ADDRESS.require(address);
        SHUNT_OHMS.require(shuntOhms);
        double fullScale = MAX_SHUNT_VOLTS / shuntOhms;
        double least = MIN_SHUNT_VOLTS / shuntOhms;
        if (!(maxAmps >= least - 1e-9 && maxAmps <= fullScale + 1e-9)) {
            throw MAX_AMPS.invalid(MAX_AMPS.outside(maxAmps, round(least), round(fullScale)) + " (25..320 mV across a "
                    + SettingText.number(shuntOhms) + " Ω shunt)");
        }
    }

    /** An INA219 with this shunt, calibrated for the most it can measure (320 mV across the shunt). */
    public static CurrentSense fullScale(int bus, int address, double shuntOhms) {
        return new CurrentSense(bus, address, shuntOhms, MAX_SHUNT_VOLTS / shuntOhms);
    }

    /** "INA219 at 0x40 on bus 1". */
    public String name() {
        return "INA219 " + I2cBus.where(bus, address);
    }

    /** The calibration register's value. */
    public int calibration() {
        double lsb = maxAmps / 32768;
        return (int) Math.min(0xFFFE, Math.floor(0.04096 / (lsb * shuntOhms))) & 0xFFFE; // bit 0 is not used
    }

    /** Amperes per LSB of the current register with {@link #calibration()} (the truncation taken into account). */
    public double currentLsbAmps() {
        return 0.04096 / (calibration() * shuntOhms);
    }

    /**
     * The configuration register: bus range 32 V, the gain for {@code max_amps}, 12-bit shunt and bus
     * conversions (532 µs each), both continuous. 0x399F at the widest range, the chip's power-on value.
     */
    public int configuration() {
        int pga = 0;
        while (pga < RANGES_VOLTS.length - 1 && RANGES_VOLTS[pga] < maxAmps * shuntOhms - 1e-12) {
            pga++;
        }
        return 0x2000 | pga << 11 | 0x3 << 7 | 0x3 << 3 | 0x7;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
