package org.percuss.device.gpio;

import java.util.regex.Pattern;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * The motor's temperature sensor ({@code gpio.sensors.temperature}): a DS18B20 on the Pi's 1-wire
 * bus, or an NTC thermistor read by an ADS1115 ADC on I2C.
 */
public sealed interface TemperatureSense {

    /** The key path of the section. */
    String KEY = "gpio.sensors.temperature";

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
        /** The 1-wire id's key; its form is {@link #ID}. */
        public static final String ID_KEY = KEY + ".id";
        public static final Setting PIN = GpioRig.pin(KEY + ".pin");

        /** @throws InvalidSetting naming the key, when the id is missing or not a DS18B20's, or the pin is not a pin */
        public Ds18b20 {
            if (id == null) {
                throw new InvalidSetting(ID_KEY, "required for a DS18B20: its 1-wire id, 28- and 12 hex digits, as "
                        + "ls /sys/bus/w1/devices shows it");
            }
            if (!ID.matcher(id).matches()) {
                throw new InvalidSetting(ID_KEY, "'" + id + "' is not a DS18B20 id (28- and 12 hex digits, as "
                        + "ls /sys/bus/w1/devices shows it)");
            }
            PIN.require(pin);
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

        public static final Setting BUS = I2cBus.bus(KEY);
        public static final Setting ADDRESS = I2cBus.address(KEY);
        public static final Setting CHANNEL = Setting.whole(KEY + ".channel", 0, 3, "");
        public static final Setting SERIES_OHMS = Setting.number(KEY + ".series_ohms", 100, 1_000_000, "Ω");
        public static final Setting NTC_OHMS = Setting.number(KEY + ".ntc_ohms", 100, 1_000_000, "Ω");
        public static final Setting NTC_BETA = Setting.number(KEY + ".ntc_beta", 1000, 10_000, "K");
        /** The ADC's ±4.096 V range must hold the whole divider. */
        public static final Setting DIVIDER_VOLTS = Setting.number(KEY + ".divider_volts", 1.0, 4.0, "V");

        public Ads1115Ntc {
            BUS.require(bus);
            ADDRESS.require(address);
            CHANNEL.require(channel);
            SERIES_OHMS.require(seriesOhms);
            NTC_OHMS.require(ntcOhms);
            NTC_BETA.require(ntcBeta);
            DIVIDER_VOLTS.require(dividerVolts);
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
