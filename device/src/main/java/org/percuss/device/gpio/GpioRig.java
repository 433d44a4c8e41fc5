package org.percuss.device.gpio;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;
import org.percuss.device.setting.SettingText;

/**
 * How a Raspberry Pi rig is wired and what its motor can do: which BCM pin does what, the PWM
 * channel, the tachometer's pulses per revolution, and the speed the motor reaches at full duty.
 * Immutable; the constructor refuses a rig that cannot be safe (two jobs on one pin, a sensor's bus
 * on a pin that has another job, a speed range the PWM cannot reach, a watchdog the sampler cannot
 * feed) with an {@link InvalidSetting} naming the setting by its key path ({@code gpio.watchdog}).
 * Each setting's range is declared here once, as a {@link Setting}, for a config reader to read
 * the file with.
 *
 * <p>Pins are BCM GPIO numbers 0..27; {@link #NO_PIN} leaves an optional output or the buttons
 * out. Buttons are all three or none.
 *
 * @param pwmChannel the hardware PWM channel: GPIO18 is channel 0 up to the Pi 4 and channel 2 on a
 *     Pi 5 (RP1); GPIO19 is 1 or 3
 * @param pwmFrequencyHz the PWM frequency; 20 kHz is above hearing and suits most motor drivers
 * @param tachPin the tachometer input (a Hall sensor or opto switch on the crank), required
 * @param tachPulsesPerRevolution tachometer pulses per crank revolution, that is per percussion
 * @param fullDutyPpm the motor's unloaded speed at 100 % duty: the regulator's feedforward scale
 * @param minPpm the lowest speed the rig runs at steadily
 * @param maxPpm the highest speed the rig may run at
 * @param enablePin the motor driver's enable line, high only while the motor may run; or NO_PIN
 * @param heartbeatPin toggled every sample while the control loop is alive, for an external
 *     watchdog that cuts the enable line when it stops; or NO_PIN
 * @param emergencyStopPin the emergency-stop input, required
 * @param emergencyStopActiveHigh whether a high level is the stop; true suits a normally-closed
 *     switch to ground with the pull-up on, so a pressed button or a cut wire both stop
 * @param powerButtonPin the power button (to ground, pulled up); or NO_PIN
 * @param plusButtonPin the plus button (to ground, pulled up); or NO_PIN
 * @param minusButtonPin the minus button (to ground, pulled up); or NO_PIN
 * @param watchdogMillis the motor stops when the control loop has not commanded it this long
 * @param samplePeriodMillis how often inputs are sampled, the speed regulated and telemetry made
 * @param output a motor driver (PWM duty at {@code pwmFrequencyHz}) or an RC ESC (servo pulses)
 * @param sensors the current, motion and temperature sensors wired, each optional
 */
public record GpioRig(int pwmChannel, int pwmFrequencyHz, int tachPin, int tachPulsesPerRevolution, int fullDutyPpm,
                      int minPpm, int maxPpm, int enablePin, int heartbeatPin, int emergencyStopPin,
                      boolean emergencyStopActiveHigh, int powerButtonPin, int plusButtonPin, int minusButtonPin,
                      int watchdogMillis, int samplePeriodMillis, MotorOutput output, RigSensors sensors) {

    /** An optional pin left out. */
    public static final int NO_PIN = -1;

    /** The highest BCM GPIO pin on the header. */
    public static final int MAX_PIN = 27;
    /** The sample period range, milliseconds; the watchdog is at least three periods and at most {@link #MAX_WATCHDOG_MS}. */
    public static final int MIN_SAMPLE_MS = 5;
    public static final int MAX_SAMPLE_MS = 100;
    public static final int MAX_WATCHDOG_MS = 2000;

    // The settings the constructor checks, for a config reader to read a file with and report together.
    /** The highest PWM channel is 3 (GPIO19 on a Pi 5). */
    public static final Setting PWM_CHANNEL = Setting.whole("gpio.pwm_channel", 0, 3, "");
    public static final Setting PWM_FREQUENCY_HZ = Setting.whole("gpio.pwm_frequency_hz", 100, 100_000, "Hz");
    public static final Setting TACH_PIN = pin("gpio.tach_pin");
    public static final Setting TACH_PULSES_PER_REVOLUTION = Setting.whole("gpio.tach_pulses_per_revolution", 1, 64, "");
    /** The speed range a rig may declare; {@code max_ppm} is at least {@code min_ppm}. */
    public static final Setting MIN_PPM = Setting.whole("gpio.min_ppm", 100, 6000, "ppm");
    public static final Setting MAX_PPM = Setting.whole("gpio.max_ppm", 100, 6000, "ppm");
    /** The motor's speed at full duty: at least {@code max_ppm}, or the PWM could not reach it. */
    public static final Setting FULL_DUTY_PPM = Setting.whole("gpio.full_duty_ppm", 100, 20_000, "ppm");
    public static final Setting ENABLE_PIN = pin("gpio.enable_pin").orNone(NO_PIN);
    public static final Setting HEARTBEAT_PIN = pin("gpio.heartbeat_pin").orNone(NO_PIN);
    public static final Setting EMERGENCY_STOP_PIN = pin("gpio.emergency_stop_pin");
    public static final Setting POWER_BUTTON_PIN = pin("gpio.power_button_pin").orNone(NO_PIN);
    public static final Setting PLUS_BUTTON_PIN = pin("gpio.plus_button_pin").orNone(NO_PIN);
    public static final Setting MINUS_BUTTON_PIN = pin("gpio.minus_button_pin").orNone(NO_PIN);
    /** Any watchdog's range; the sample period narrows it to at least three periods. */
    public static final Setting WATCHDOG = Setting.duration("gpio.watchdog", Duration.ofMillis(3L * MIN_SAMPLE_MS),
            Duration.ofMillis(MAX_WATCHDOG_MS));
    public static final Setting SAMPLE_PERIOD = Setting.duration("gpio.sample_period", Duration.ofMillis(MIN_SAMPLE_MS),
            Duration.ofMillis(MAX_SAMPLE_MS));

    /** The wiring of docs/raspberry-pi.md. */
    public static final GpioRig DEFAULT = new GpioRig(0, 20_000, 23, 1, 3600, 1000, 3400, 24, 25, 17, true, 5, 6, 13,
            250, 20);

    /** A rig with a motor driver and no sensors. */
    public GpioRig(int pwmChannel, int pwmFrequencyHz, int tachPin, int tachPulsesPerRevolution, int fullDutyPpm,
                   int minPpm, int maxPpm, int enablePin, int heartbeatPin, int emergencyStopPin,
                   boolean emergencyStopActiveHigh, int powerButtonPin, int plusButtonPin, int minusButtonPin,
                   int watchdogMillis, int samplePeriodMillis) {
        this(pwmChannel, pwmFrequencyHz, tachPin, tachPulsesPerRevolution, fullDutyPpm, minPpm, maxPpm, enablePin,
                heartbeatPin, emergencyStopPin, emergencyStopActiveHigh, powerButtonPin, plusButtonPin, minusButtonPin,
                watchdogMillis, samplePeriodMillis, MotorOutput.DRIVER, RigSensors.NONE);
    }

    public GpioRig {
        if (output == null || sensors == null) {
            throw new IllegalArgumentException("a rig's output and sensors are never null (MotorOutput.DRIVER, RigSensors.NONE)");
        }
        PWM_CHANNEL.require(pwmChannel);
        PWM_FREQUENCY_HZ.require(pwmFrequencyHz);
        TACH_PIN.require(tachPin);
        TACH_PULSES_PER_REVOLUTION.require(tachPulsesPerRevolution);
        MIN_PPM.require(minPpm);
        MAX_PPM.require(maxPpm);
        FULL_DUTY_PPM.require(fullDutyPpm);
        MAX_PPM.requireAtLeast(maxPpm, MIN_PPM, minPpm);
        FULL_DUTY_PPM.requireAtLeast(fullDutyPpm, MAX_PPM, maxPpm);
        ENABLE_PIN.require(enablePin);
        HEARTBEAT_PIN.require(heartbeatPin);
        EMERGENCY_STOP_PIN.require(emergencyStopPin);
        POWER_BUTTON_PIN.require(powerButtonPin);
        PLUS_BUTTON_PIN.require(plusButtonPin);
        MINUS_BUTTON_PIN.require(minusButtonPin);
        int buttons = (powerButtonPin == NO_PIN ? 0 : 1) + (plusButtonPin == NO_PIN ? 0 : 1)
                + (minusButtonPin == NO_PIN ? 0 : 1);
        if (buttons != 0 && buttons != 3) {
            Setting missing = powerButtonPin == NO_PIN ? POWER_BUTTON_PIN : plusButtonPin == NO_PIN ? PLUS_BUTTON_PIN
                    : MINUS_BUTTON_PIN;
            throw missing.invalid("power_button_pin, plus_button_pin and minus_button_pin: give all three or none");
        }
        SAMPLE_PERIOD.requireMillis(samplePeriodMillis);
        WATCHDOG.requireMillis(watchdogMillis);
        // The watchdog must outlast a few samples, or a sampler on time would still trip it.
        if (watchdogMillis < 3 * samplePeriodMillis) {
            Duration sample = Duration.ofMillis(samplePeriodMillis);
            throw WATCHDOG.invalid(WATCHDOG.outside(Duration.ofMillis(watchdogMillis), sample.multipliedBy(3),
                    WATCHDOG.maxDuration()) + " (at least three sample periods of " + SettingText.duration(sample) + ")");
        }
        Map<Integer, String> used = new HashMap<>();
        claim(used, TACH_PIN, tachPin);
        claim(used, ENABLE_PIN, enablePin);
        claim(used, HEARTBEAT_PIN, heartbeatPin);
        claim(used, EMERGENCY_STOP_PIN, emergencyStopPin);
        claim(used, POWER_BUTTON_PIN, powerButtonPin);
        claim(used, PLUS_BUTTON_PIN, plusButtonPin);
        claim(used, MINUS_BUTTON_PIN, minusButtonPin);
        int pwmPin = pwmPin(pwmChannel);
        if (used.containsKey(pwmPin)) {
            throw new InvalidSetting(used.get(pwmPin), "GPIO" + pwmPin + " is the PWM output of pwm_channel " + pwmChannel);
        }
        used.put(pwmPin, "the PWM output (pwm_channel " + pwmChannel + ")");
        sensors.claimPins(used);
    }

    /** This rig driving its motor through {@code value}. */
    public GpioRig withOutput(MotorOutput value) {
        return new GpioRig(pwmChannel, pwmFrequencyHz, tachPin, tachPulsesPerRevolution, fullDutyPpm, minPpm, maxPpm,
                enablePin, heartbeatPin, emergencyStopPin, emergencyStopActiveHigh, powerButtonPin, plusButtonPin,
                minusButtonPin, watchdogMillis, samplePeriodMillis, value, sensors);
    }

    /** This rig with {@code value} as its sensors. */
    public GpioRig withSensors(RigSensors value) {
        return new GpioRig(pwmChannel, pwmFrequencyHz, tachPin, tachPulsesPerRevolution, fullDutyPpm, minPpm, maxPpm,
                enablePin, heartbeatPin, emergencyStopPin, emergencyStopActiveHigh, powerButtonPin, plusButtonPin,
                minusButtonPin, watchdogMillis, samplePeriodMillis, output, value);
    }

    /** Whether the three buttons are wired. */
    public boolean hasButtons() {
        return powerButtonPin != NO_PIN;
    }

    /**
     * The BCM pin a PWM channel comes out on with {@code dtoverlay=pwm} (docs/raspberry-pi.md):
     * channels 0 and 1 of the BCM2711 and earlier, and channels 2 and 3 of a Pi 5's RP1, are
     * GPIO18 and GPIO19.
     */
    static int pwmPin(int channel) {
        return channel % 2 == 0 ? 18 : 19;
    }

    /** The setting of a BCM pin at {@code path}: 0..{@value #MAX_PIN}. */
    static Setting pin(String path) {
        return Setting.whole(path, 0, MAX_PIN, "");
    }

    /** Gives {@code pin} to {@code setting} in {@code used} (pin to the key path that has it), unless another has it. */
    static void claim(Map<Integer, String> used, Setting setting, int pin) {
        if (pin == NO_PIN) {
            return;
        }
        String other = used.putIfAbsent(pin, setting.path());
        if (other != null) {
            throw setting.invalid("GPIO" + pin + " is already " + other);
        }
    }
}
