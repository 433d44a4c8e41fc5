package org.percuss.device.gpio;

import java.util.regex.Pattern;

/**
 * The motor's temperature sensor ({@code gpio.sensors.temperature}): a DS18B20 on the Pi's 1-wire
 * bus, or an NTC thermistor read by an ADS1115 ADC on I2C.
 */
public sealed interface TemperatureSense {

    /** The key of the section. */
    String KEY = "sensors.temperature";

    /** The sensor's name for messages: "DS18B20 28-0316a2795fff", "ADS1115 at 0x48 on bus 1". */
    String name();

    /**
     * A DS18B20 on the 1-wire bus (the kernel's {@code w1-gpio} overlay), read from
     * {@code /sys/bus/w1/devices/ID/temperature}.
     *
     * @param id the sensor's 1-wire id, {@code 28-} and 12 hex digits
     * @param pin the 1-wire data pin ({@code dtoverlay=w1-gpio,gpiopin=N}; GPIO4 by default)
     */
    record Ds18b20(String id, int pin) implements TemperatureSense {

        /** A DS18B20's id: family code 28, then its serial number. */
        public static final Pattern ID = Pattern.compile("28-[0-9a-f]{12}");
        public static final int DEFAULT_PIN = 4;

        public Ds18b20 {
            if (id == null || !ID.matcher(id).matches()) {
                throw new SettingException(KEY + ".id", "'" + id + "' is not a DS18B20 id (28- and 12 hex digits, as "
                        + "ls /sys/bus/w1/devices shows)");
            }
            if (pin < 0 || pin > GpioRig.MAX_PIN) {
                throw new SettingException(KEY + ".pin", pin + " is not a BCM GPIO pin (0.." + GpioRig.MAX_PIN + ")");
            }
        }

        @Override
        public String name() {
            return "DS18B20 " + id;
        }
    }

    /**
     * An NTC thermistor on the motor, in a divider read by one input of an ADS1115: the divider's
     * supply through {@code seriesOhms} to the input, the NTC from the input to ground.
     * {@link NtcDivider} has the formula.
     *
     * @param bus the I2C bus
     * @param address the ADC's 7-bit address (0x48..0x4B by its ADDR pin)
     * @param channel the input, AIN0..AIN3
     * @param seriesOhms the fixed resistor from the supply to the input
     * @param ntcOhms the NTC's resistance at 25 °C
     * @param ntcBeta the NTC's B constant (25/85 °C), kelvin
     * @param dividerVolts the divider's supply (the Pi's 3.3 V)
     */
    record Ads1115Ntc(int bus, int address, int channel, double seriesOhms, double ntcOhms, double ntcBeta,
                      double dividerVolts) implements TemperatureSense {

        public static final int DEFAULT_ADDRESS = 0x48;
        public static final double DEFAULT_SERIES_OHMS = 10_000;
        public static final double DEFAULT_NTC_OHMS = 10_000;
        public static final double DEFAULT_BETA = 3950;
        public static final double DEFAULT_DIVIDER_VOLTS = 3.3;

        public Ads1115Ntc {
            I2cBus.check(KEY, bus, address);
            SettingException.range(KEY + ".channel", channel, 0, 3);
            SettingException.range(KEY + ".series_ohms", seriesOhms, 100, 1_000_000, "Ω");
            SettingException.range(KEY + ".ntc_ohms", ntcOhms, 100, 1_000_000, "Ω");
            SettingException.range(KEY + ".ntc_beta", ntcBeta, 1000, 10_000, "K");
            // the ADC's ±4.096 V range must hold the whole divider
            SettingException.range(KEY + ".divider_volts", dividerVolts, 1.0, 4.0, "V");
        }

        /** An NTC of the usual kind (10 kΩ, B 3950) on {@code channel}, in a 10 kΩ divider from 3.3 V. */
        public static Ads1115Ntc usual(int bus, int address, int channel) {
            return new Ads1115Ntc(bus, address, channel, DEFAULT_SERIES_OHMS, DEFAULT_NTC_OHMS, DEFAULT_BETA,
                    DEFAULT_DIVIDER_VOLTS);
        }

        @Override
        public String name() {
            return "ADS1115 " + I2cBus.where(bus, address);
        }

        /** The divider's formula. */
        public NtcDivider divider() {
            return new NtcDivider(seriesOhms, ntcOhms, ntcBeta, dividerVolts);
        }
    }
}
