package org.percuss.device.gpio;

import java.util.Map;
import java.util.Optional;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;
import org.percuss.device.setting.SettingText;

/**
 * The sensors wired to a rig ({@code gpio.sensors}), each optional: a current and supply monitor,
 * a motion sensor, a temperature sensor. Each present one switches its safety rules on. Two I2C
 * chips at one address on one bus are refused, naming the later one's key.
 *
 * @param current the INA219, if any
 * @param motion the MPU-6050, if any
 * @param temperature the DS18B20 or the NTC on an ADS1115, if any
 */
public record RigSensors(Optional<CurrentSense> current, Optional<MotionSense> motion,
                         Optional<TemperatureSense> temperature) {

    /** No sensors: the rig senses speed, buttons and the emergency stop only. */
    public static final RigSensors NONE = new RigSensors(Optional.empty(), Optional.empty(), Optional.empty());

    public RigSensors {
        if (current == null || motion == null || temperature == null) {
            throw new IllegalArgumentException("absent sensors are Optional.empty(), not null");
        }
        if (current.isPresent() && motion.isPresent()) {
            distinct(MotionSense.ADDRESS, motion.get().bus(), motion.get().address(), CurrentSense.KEY,
                    current.get().bus(), current.get().address());
        }
        if (temperature.orElse(null) instanceof TemperatureSense.Ads1115Ntc adc) {
            if (current.isPresent()) {
                distinct(TemperatureSense.Ads1115Ntc.ADDRESS, adc.bus(), adc.address(), CurrentSense.KEY, current.get().bus(),
                        current.get().address());
            }
            if (motion.isPresent()) {
                distinct(TemperatureSense.Ads1115Ntc.ADDRESS, adc.bus(), adc.address(), MotionSense.KEY, motion.get().bus(),
                        motion.get().address());
            }
        }
    }

    /** These sensors with {@code value} as the current sensor. */
    public RigSensors withCurrent(CurrentSense value) {
        return new RigSensors(Optional.of(value), motion, temperature);
    }

    /** These sensors with {@code value} as the motion sensor. */
    public RigSensors withMotion(MotionSense value) {
        return new RigSensors(current, Optional.of(value), temperature);
    }

    /** These sensors with {@code value} as the temperature sensor. */
    public RigSensors withTemperature(TemperatureSense value) {
        return new RigSensors(current, motion, Optional.of(value));
    }

    /** Whether any sensor is on I2C. */
    public boolean anyOnI2c() {
        return current.isPresent() || motion.isPresent() || temperature.orElse(null) instanceof TemperatureSense.Ads1115Ntc;
    }

    /**
     * Claims the pins these sensors need in {@code used} (pin to the key path that has it): the SDA
     * and SCL of each I2C bus with fixed pins, and the 1-wire pin.
     *
     * @throws InvalidSetting naming the sensor's key when a pin is already another's
     */
    void claimPins(Map<Integer, String> used) {
        current.ifPresent(c -> claimBus(used, CurrentSense.BUS, c.bus()));
        motion.ifPresent(m -> claimBus(used, MotionSense.BUS, m.bus()));
        switch (temperature.orElse(null)) {
            case TemperatureSense.Ads1115Ntc adc -> claimBus(used, TemperatureSense.Ads1115Ntc.BUS, adc.bus());
            case TemperatureSense.Ds18b20 w1 -> GpioRig.claim(used, TemperatureSense.Ds18b20.PIN, w1.pin());
            case null -> {
            }
        }
    }

    private static void claimBus(Map<Integer, String> used, Setting bus, int number) {
        String[] roles = {"SDA", "SCL"};
        int[] pins = I2cBus.pins(number);
        String owner = "I2C bus " + number;
        for (int i = 0; i < pins.length; i++) {
            String other = used.get(pins[i]);
            if (other != null && !other.startsWith(owner)) {
                throw bus.invalid("I2C bus " + number + " needs GPIO" + pins[i] + " (" + roles[i] + "), which is already "
                        + other);
            }
            used.put(pins[i], owner + " (" + roles[i] + ")");
        }
    }

    private static void distinct(Setting address, int bus, int value, String otherKey, int otherBus, int otherAddress) {
        if (bus == otherBus && value == otherAddress) {
            throw address.invalid(SettingText.hex(value) + " on bus " + bus + " is already the "
                    + otherKey.substring(otherKey.lastIndexOf('.') + 1) + " sensor's (" + otherKey + ")");
        }
    }
}
