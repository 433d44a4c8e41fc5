package org.percuss.controller.config;

import static org.percuss.controller.config.ConfigSection.chips;
import static org.percuss.controller.config.ConfigSection.choice;
import static org.percuss.controller.config.ConfigSection.derived;
import static org.percuss.controller.config.ConfigSection.field;
import static org.percuss.controller.config.ConfigSection.fixed;
import static org.percuss.controller.config.ConfigSection.millis;
import static org.percuss.controller.config.ConfigSection.section;
import static org.percuss.controller.config.ConfigSection.text;

import java.util.Map;
import java.util.Optional;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.gpio.I2cBus;
import org.percuss.device.gpio.MotionSense;
import org.percuss.device.gpio.MotorOutput;
import org.percuss.device.gpio.RigSensors;
import org.percuss.device.gpio.TemperatureSense.Ads1115Ntc;
import org.percuss.device.gpio.TemperatureSense.Ds18b20;
import org.percuss.device.gpio.TemperatureSense;

/**
 * The {@code gpio} section of a configuration as tables ({@link ConfigSection}): the wiring, the
 * motor output ({@code driver} or {@code esc}) and the optional sensors under {@code gpio.sensors},
 * each sensor's keys chosen by its {@code chip}. Every range is declared by the device's record
 * that holds it ({@link GpioRig}, {@link MotorOutput}, the sensors), which also checks the rules
 * between keys (pins used twice, addresses shared, a watchdog shorter than three samples), naming
 * the key by its path; nothing here knows a limit.
 */
final class GpioSection {

    private GpioSection() {
    }

    /** An INA219: its {@code max_amps}, left out, is the most its shunt measures. */
    private static final ConfigSection<CurrentSense> INA219 = ConfigSection.of("current",
            v -> v.has(CurrentSense.MAX_AMPS)
                    ? new CurrentSense(v.whole(CurrentSense.BUS), v.whole(CurrentSense.ADDRESS), v.number(CurrentSense.SHUNT_OHMS),
                            v.number(CurrentSense.MAX_AMPS))
                    : CurrentSense.fullScale(v.whole(CurrentSense.BUS), v.whole(CurrentSense.ADDRESS),
                            v.number(CurrentSense.SHUNT_OHMS)),
            fixed(CurrentSense.BUS, I2cBus.HEADER_BUS), fixed(CurrentSense.ADDRESS, CurrentSense.DEFAULT_ADDRESS),
            fixed(CurrentSense.SHUNT_OHMS, CurrentSense.DEFAULT_SHUNT_OHMS), derived(CurrentSense.MAX_AMPS));

    private static final ConfigSection<MotionSense> MPU6050 = ConfigSection.of("motion",
            v -> new MotionSense(v.whole(MotionSense.BUS), v.whole(MotionSense.ADDRESS), v.number(MotionSense.THRESHOLD_DPS)),
            fixed(MotionSense.BUS, I2cBus.HEADER_BUS), fixed(MotionSense.ADDRESS, MotionSense.DEFAULT_ADDRESS),
            fixed(MotionSense.THRESHOLD_DPS, MotionSense.DEFAULT_THRESHOLD_DPS));

    /** A DS18B20: its {@code id} has no default; the record refuses it left out. */
    private static final ConfigSection<TemperatureSense> DS18B20 = ConfigSection.of("temperature",
            v -> new Ds18b20(v.get("id", String.class), v.whole(Ds18b20.PIN)),
            field("id", text(), r -> null), fixed(Ds18b20.PIN, Ds18b20.DEFAULT_PIN));

    private static final ConfigSection<TemperatureSense> ADS1115_NTC = ConfigSection.of("temperature",
            v -> new Ads1115Ntc(v.whole(Ads1115Ntc.BUS), v.whole(Ads1115Ntc.ADDRESS), v.whole(Ads1115Ntc.CHANNEL),
                    v.number(Ads1115Ntc.SERIES_OHMS), v.number(Ads1115Ntc.NTC_OHMS), v.number(Ads1115Ntc.NTC_BETA),
                    v.number(Ads1115Ntc.DIVIDER_VOLTS)),
            fixed(Ads1115Ntc.BUS, I2cBus.HEADER_BUS), fixed(Ads1115Ntc.ADDRESS, Ads1115Ntc.DEFAULT_ADDRESS),
            fixed(Ads1115Ntc.CHANNEL, 0), fixed(Ads1115Ntc.SERIES_OHMS, Ads1115Ntc.DEFAULT_SERIES_OHMS),
            fixed(Ads1115Ntc.NTC_OHMS, Ads1115Ntc.DEFAULT_NTC_OHMS), fixed(Ads1115Ntc.NTC_BETA, Ads1115Ntc.DEFAULT_BETA),
            fixed(Ads1115Ntc.DIVIDER_VOLTS, Ads1115Ntc.DEFAULT_DIVIDER_VOLTS));

    /** {@code gpio.sensors}: each sensor optional, each by its chip. */
    @SuppressWarnings("unchecked")
    private static final ConfigSection<RigSensors> SENSORS = ConfigSection.of("sensors",
            v -> new RigSensors(v.get("current", Optional.class), v.get("motion", Optional.class),
                    v.get("temperature", Optional.class)),
            field("current", chips("a current sensor", Map.of("ina219", INA219)), r -> Optional.empty()),
            field("motion", chips("a motion sensor", Map.of("mpu6050", MPU6050)), r -> Optional.empty()),
            field("temperature", chips("a temperature sensor", Map.of("ds18b20", DS18B20, "ads1115-ntc", ADS1115_NTC)),
                    r -> Optional.empty()));

    /** The {@code gpio} section: a key left out keeps the rig's value. */
    static final ConfigSection<GpioRig> RIG = ConfigSection.of("gpio", GpioSection::rig,
            field(GpioRig.PWM_CHANNEL, GpioRig::pwmChannel),
            field(GpioRig.PWM_FREQUENCY_HZ, GpioRig::pwmFrequencyHz),
            field(GpioRig.TACH_PIN, GpioRig::tachPin),
            field(GpioRig.TACH_PULSES_PER_REVOLUTION, GpioRig::tachPulsesPerRevolution),
            field(GpioRig.FULL_DUTY_PPM, GpioRig::fullDutyPpm),
            field(GpioRig.MIN_PPM, GpioRig::minPpm),
            field(GpioRig.MAX_PPM, GpioRig::maxPpm),
            field(GpioRig.ENABLE_PIN, GpioRig::enablePin),
            field(GpioRig.HEARTBEAT_PIN, GpioRig::heartbeatPin),
            field(GpioRig.EMERGENCY_STOP_PIN, GpioRig::emergencyStopPin),
            field("emergency_stop_active", choice("a level", Map.of("high", true, "low", false)),
                    GpioRig::emergencyStopActiveHigh),
            field(GpioRig.POWER_BUTTON_PIN, GpioRig::powerButtonPin),
            field(GpioRig.PLUS_BUTTON_PIN, GpioRig::plusButtonPin),
            field(GpioRig.MINUS_BUTTON_PIN, GpioRig::minusButtonPin),
            millis(GpioRig.WATCHDOG, GpioRig::watchdogMillis),
            millis(GpioRig.SAMPLE_PERIOD, GpioRig::samplePeriodMillis),
            field("output", choice("an output", Map.of("driver", MotorOutput.Kind.DRIVER, "esc", MotorOutput.Kind.ESC)),
                    r -> r.output().kind()),
            field(MotorOutput.ESC_FREQUENCY_HZ, r -> r.output().escFrequencyHz()),
            millis(MotorOutput.ESC_ARMING, r -> r.output().escArmingMillis()),
            field("sensors", section(SENSORS), GpioRig::sensors));

    private static GpioRig rig(ConfigSection.Values v) {
        return new GpioRig(v.whole(GpioRig.PWM_CHANNEL), v.whole(GpioRig.PWM_FREQUENCY_HZ), v.whole(GpioRig.TACH_PIN),
                v.whole(GpioRig.TACH_PULSES_PER_REVOLUTION), v.whole(GpioRig.FULL_DUTY_PPM), v.whole(GpioRig.MIN_PPM),
                v.whole(GpioRig.MAX_PPM), v.whole(GpioRig.ENABLE_PIN), v.whole(GpioRig.HEARTBEAT_PIN),
                v.whole(GpioRig.EMERGENCY_STOP_PIN), v.get("emergency_stop_active", Boolean.class),
                v.whole(GpioRig.POWER_BUTTON_PIN), v.whole(GpioRig.PLUS_BUTTON_PIN), v.whole(GpioRig.MINUS_BUTTON_PIN),
                v.millis(GpioRig.WATCHDOG), v.millis(GpioRig.SAMPLE_PERIOD),
                new MotorOutput(v.get("output", MotorOutput.Kind.class), v.whole(MotorOutput.ESC_FREQUENCY_HZ),
                        v.millis(MotorOutput.ESC_ARMING)),
                v.get("sensors", RigSensors.class));
    }
}
