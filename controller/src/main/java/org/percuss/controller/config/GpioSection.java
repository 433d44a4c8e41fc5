package org.percuss.controller.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.MotionSense;
import org.percuss.device.gpio.MotorOutput;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.SettingException;
import org.percuss.device.gpio.TemperatureSense;

/**
 * Reads the {@code gpio} section of a configuration into a {@link GpioRig}: the wiring, the motor
 * output ({@code driver} or {@code esc}) and the optional sensors under {@code gpio.sensors}. Types
 * are checked here; ranges, pins used twice and addresses shared are checked by the records, which
 * name the setting by its key path ({@link SettingException}), and the problem is put on that key's
 * line, or on the line of the nearest section written when the key was left at its default.
 */
final class GpioSection {

    static final Set<String> KEYS = Set.of("pwm_channel", "pwm_frequency_hz", "tach_pin",
            "tach_pulses_per_revolution", "full_duty_ppm", "min_ppm", "max_ppm", "enable_pin", "heartbeat_pin",
            "emergency_stop_pin", "emergency_stop_active", "power_button_pin", "plus_button_pin", "minus_button_pin",
            "watchdog", "sample_period", "output", "esc_frequency_hz", "esc_arming", "sensors");
    static final Set<String> SENSORS = Set.of("current", "motion", "temperature");
    static final Set<String> CURRENT_KEYS = Set.of("chip", "bus", "address", "shunt_ohms", "max_amps");
    static final Set<String> MOTION_KEYS = Set.of("chip", "bus", "address", "threshold_dps");
    static final Set<String> DS18B20_KEYS = Set.of("chip", "id", "pin");
    static final Set<String> ADS1115_KEYS = Set.of("chip", "bus", "address", "channel", "series_ohms", "ntc_ohms", "ntc_beta",
            "divider_volts");

    private final YamlReader in;

    GpioSection(YamlReader in) {
        this.in = in;
    }

    /** The rig the section {@code g} describes; {@code d} where it says nothing, or when it has a problem. */
    GpioRig read(YamlNode.Mapping g, GpioRig d) {
        int problems = in.problems().size();
        int pwmChannel = in.integer(g, "pwm_channel", 0, GpioRig.MAX_PWM_CHANNEL, "", d.pwmChannel());
        int frequency = in.integer(g, "pwm_frequency_hz", GpioRig.MIN_PWM_HZ, GpioRig.MAX_PWM_HZ, "Hz", d.pwmFrequencyHz());
        int tach = pin(g, "tach_pin", false, d.tachPin());
        int pulses = in.integer(g, "tach_pulses_per_revolution", 1, GpioRig.MAX_PULSES_PER_REVOLUTION, "",
                d.tachPulsesPerRevolution());
        int fullDuty = in.integer(g, "full_duty_ppm", GpioRig.MIN_PPM, GpioRig.MAX_FULL_DUTY_PPM, "ppm", d.fullDutyPpm());
        int min = in.integer(g, "min_ppm", GpioRig.MIN_PPM, GpioRig.MAX_PPM, "ppm", d.minPpm());
        int max = in.integer(g, "max_ppm", GpioRig.MIN_PPM, GpioRig.MAX_PPM, "ppm", d.maxPpm());
        int enable = pin(g, "enable_pin", true, d.enablePin());
        int heartbeat = pin(g, "heartbeat_pin", true, d.heartbeatPin());
        int estop = pin(g, "emergency_stop_pin", false, d.emergencyStopPin());
        boolean activeHigh = d.emergencyStopActiveHigh();
        YamlNode level = YamlReader.field(g, "emergency_stop_active");
        if (level != null) {
            String t = in.text(level);
            if ("high".equals(t) || "low".equals(t)) {
                activeHigh = t.equals("high");
            } else if (t != null) {
                in.problem(level, "'" + t + "' is not a level: high or low");
            }
        }
        int power = pin(g, "power_button_pin", true, d.powerButtonPin());
        int plus = pin(g, "plus_button_pin", true, d.plusButtonPin());
        int minus = pin(g, "minus_button_pin", true, d.minusButtonPin());
        Duration watchdog = in.duration(g, "watchdog", Duration.ofMillis(3L * GpioRig.MIN_SAMPLE_MS),
                Duration.ofMillis(GpioRig.MAX_WATCHDOG_MS), Duration.ofMillis(d.watchdogMillis()));
        Duration sample = in.duration(g, "sample_period", Duration.ofMillis(GpioRig.MIN_SAMPLE_MS),
                Duration.ofMillis(GpioRig.MAX_SAMPLE_MS), Duration.ofMillis(d.samplePeriodMillis()));
        MotorOutput output = output(g, d.output());
        RigSensors sensors = sensors(g);
        if (in.problems().size() > problems) {
            return d;
        }
        try {
            return new GpioRig(pwmChannel, frequency, tach, pulses, fullDuty, min, max, enable, heartbeat, estop, activeHigh,
                    power, plus, minus, (int) watchdog.toMillis(), (int) sample.toMillis(), output, sensors);
        } catch (SettingException e) {
            in.problem(g, e.key(), e.problem());
            return d;
        }
    }

    /** {@code output: driver|esc}, {@code esc_frequency_hz}, {@code esc_arming}. */
    private MotorOutput output(YamlNode.Mapping g, MotorOutput d) {
        MotorOutput.Kind kind = d.kind();
        YamlNode node = YamlReader.field(g, "output");
        if (node != null) {
            String t = in.text(node);
            if ("driver".equals(t) || "esc".equals(t)) {
                kind = MotorOutput.Kind.valueOf(t.toUpperCase(Locale.ROOT));
            } else if (t != null) {
                in.problem(node, "'" + t + "' is not an output: driver (a brushed-DC motor driver) or esc (an RC ESC)");
            }
        }
        int hz = in.integer(g, "esc_frequency_hz", MotorOutput.MIN_ESC_HZ, MotorOutput.MAX_ESC_HZ, "Hz", d.escFrequencyHz());
        Duration arming = in.duration(g, "esc_arming", Duration.ofMillis(MotorOutput.MIN_ARMING_MS),
                Duration.ofMillis(MotorOutput.MAX_ARMING_MS), Duration.ofMillis(d.escArmingMillis()));
        return new MotorOutput(kind, hz, (int) arming.toMillis());
    }

    /** {@code sensors: {current: ..., motion: ..., temperature: ...}}, each optional. */
    private RigSensors sensors(YamlNode.Mapping g) {
        YamlNode.Mapping s = in.section(g, "sensors", SENSORS);
        if (s == null) {
            return RigSensors.NONE;
        }
        Optional<CurrentSense> current = Optional.empty();
        YamlNode.Mapping c = chip(s, "current", "ina219", CURRENT_KEYS);
        if (c != null) {
            int bus = whole(c, "bus", 1);
            int address = address(c, CurrentSense.DEFAULT_ADDRESS);
            double shunt = real(c, "shunt_ohms", CurrentSense.DEFAULT_SHUNT_OHMS);
            double maxAmps = real(c, "max_amps", CurrentSense.MAX_SHUNT_VOLTS / shunt);
            current = build(g, () -> new CurrentSense(bus, address, shunt, maxAmps));
        }
        Optional<MotionSense> motion = Optional.empty();
        YamlNode.Mapping m = chip(s, "motion", "mpu6050", MOTION_KEYS);
        if (m != null) {
            int bus = whole(m, "bus", 1);
            int address = address(m, MotionSense.DEFAULT_ADDRESS);
            double threshold = real(m, "threshold_dps", MotionSense.DEFAULT_THRESHOLD_DPS);
            motion = build(g, () -> new MotionSense(bus, address, threshold));
        }
        Optional<TemperatureSense> temperature = temperature(g, s);
        try {
            return new RigSensors(current, motion, temperature);
        } catch (SettingException e) {
            in.problem(g, e.key(), e.problem());
            return RigSensors.NONE;
        }
    }

    private Optional<TemperatureSense> temperature(YamlNode.Mapping g, YamlNode.Mapping s) {
        YamlNode node = YamlReader.field(s, "temperature");
        if (node == null) {
            return Optional.empty();
        }
        YamlNode.Mapping t = in.mapping(node);
        if (t == null) {
            return Optional.empty();
        }
        String chip = chipName(t, "ds18b20 or ads1115-ntc");
        if ("ds18b20".equals(chip)) {
            in.onlyKeys(t, DS18B20_KEYS);
            YamlNode id = YamlReader.field(t, "id");
            if (id == null) {
                in.problem(t, "id: required for a DS18B20: its 1-wire id, 28-..., as 'ls /sys/bus/w1/devices' shows it");
                return Optional.empty();
            }
            String text = in.text(id);
            int pin = pin(t, "pin", false, TemperatureSense.Ds18b20.DEFAULT_PIN);
            return text == null ? Optional.empty() : build(g, () -> new TemperatureSense.Ds18b20(text, pin));
        }
        if ("ads1115-ntc".equals(chip)) {
            in.onlyKeys(t, ADS1115_KEYS);
            int bus = whole(t, "bus", 1);
            int address = address(t, TemperatureSense.Ads1115Ntc.DEFAULT_ADDRESS);
            int channel = whole(t, "channel", 0);
            double series = real(t, "series_ohms", TemperatureSense.Ads1115Ntc.DEFAULT_SERIES_OHMS);
            double ntc = real(t, "ntc_ohms", TemperatureSense.Ads1115Ntc.DEFAULT_NTC_OHMS);
            double beta = real(t, "ntc_beta", TemperatureSense.Ads1115Ntc.DEFAULT_BETA);
            double volts = real(t, "divider_volts", TemperatureSense.Ads1115Ntc.DEFAULT_DIVIDER_VOLTS);
            return build(g, () -> new TemperatureSense.Ads1115Ntc(bus, address, channel, series, ntc, beta, volts));
        }
        if (chip != null) {
            in.problem(YamlReader.field(t, "chip"), "'" + chip + "' is not a temperature sensor percuss reads: ds18b20 or ads1115-ntc");
        }
        return Optional.empty();
    }

    /** The sensor section {@code key} of {@code s} when its chip is {@code expected}; {@code null} when absent or wrong. */
    private YamlNode.Mapping chip(YamlNode.Mapping s, String key, String expected, Set<String> keys) {
        YamlNode node = YamlReader.field(s, key);
        if (node == null) {
            return null;
        }
        YamlNode.Mapping m = in.mapping(node);
        if (m == null) {
            return null;
        }
        in.onlyKeys(m, keys);
        String chip = chipName(m, expected);
        if (chip == null) {
            return null;
        }
        if (!chip.equals(expected)) {
            in.problem(YamlReader.field(m, "chip"), "'" + chip + "' is not a " + key + " sensor percuss reads: " + expected);
            return null;
        }
        return m;
    }

    private String chipName(YamlNode.Mapping m, String choices) {
        YamlNode chip = YamlReader.field(m, "chip");
        if (chip == null) {
            in.problem(m, "chip: required (" + choices + ")");
            return null;
        }
        String t = in.text(chip);
        return t == null ? null : t.trim().toLowerCase(Locale.ROOT);
    }

    /** A record built from values that parsed; a problem on its key's line when it refuses them. */
    private <T> Optional<T> build(YamlNode.Mapping g, java.util.function.Supplier<T> record) {
        try {
            return Optional.of(record.get());
        } catch (SettingException e) {
            in.problem(g, e.key(), e.problem());
            return Optional.empty();
        }
    }

    /** An I2C address: {@code 0x40} or {@code 64}; its range is the sensor's to check. */
    private int address(YamlNode.Mapping m, int fallback) {
        YamlNode node = YamlReader.field(m, "address");
        if (node == null) {
            return fallback;
        }
        String t = in.text(node);
        if (t == null) {
            return fallback;
        }
        String s = t.trim();
        try {
            if (s.matches("0[xX][0-9a-fA-F]{1,4}")) {
                return Integer.parseInt(s.substring(2), 16);
            }
            if (s.matches("[0-9]{1,5}")) {
                return Integer.parseInt(s);
            }
        } catch (NumberFormatException e) {
            // falls through to the problem
        }
        in.problem(node, "'" + t + "' is not an I2C address (0x03..0x77, as i2cdetect shows it)");
        return fallback;
    }

    /** A whole number whose range the record checks. */
    private int whole(YamlNode.Mapping m, String key, int fallback) {
        return in.integer(m, key, Integer.MIN_VALUE, Integer.MAX_VALUE, "", fallback);
    }

    /** A number whose range the record checks. */
    private double real(YamlNode.Mapping m, String key, double fallback) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return fallback;
        }
        Double v = in.number(node, -Double.MAX_VALUE, Double.MAX_VALUE, "");
        return v == null ? fallback : v;
    }

    /** A BCM pin number, or {@code none} for an optional pin left out. */
    private int pin(YamlNode.Mapping m, String key, boolean optional, int fallback) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return fallback;
        }
        if (optional && "none".equals(in.text(node))) {
            return GpioRig.NO_PIN;
        }
        Integer v = in.integer(node, 0, GpioRig.MAX_PIN, "");
        return v == null ? fallback : v;
    }
}
