package org.percuss.device.gpio;

import java.util.HashMap;
import java.util.Map;

/**
 * How a Raspberry Pi rig is wired and what its motor can do: which BCM pin does what, the PWM
 * channel, the tachometer's pulses per revolution, and the speed the motor reaches at full duty.
 * Immutable; the constructor refuses a rig that cannot be safe (two jobs on one pin, a sensor's bus
 * on a pin that has another job, a speed range the PWM cannot reach, a watchdog the sampler cannot
 * feed) with a {@link SettingException} naming the setting by its key in the {@code gpio} section.
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

    // The bounds the constructor checks, for a config reader to check first and report together.
    /** The highest BCM GPIO pin on the header. */
    public static final int MAX_PIN = 27;
    /** The highest PWM channel (channel 3 is GPIO19 on a Pi 5). */
    public static final int MAX_PWM_CHANNEL = 3;
    /** The PWM frequency range, hertz. */
    public static final int MIN_PWM_HZ = 100;
    public static final int MAX_PWM_HZ = 100_000;
    /** The most tachometer pulses per revolution. */
    public static final int MAX_PULSES_PER_REVOLUTION = 64;
    /** The speed range a rig may declare, ppm; {@code full_duty_ppm} may reach {@link #MAX_FULL_DUTY_PPM}. */
    public static final int MIN_PPM = 100;
    public static final int MAX_PPM = 6000;
    public static final int MAX_FULL_DUTY_PPM = 20_000;
    /** The sample period range, milliseconds; the watchdog is at least three periods and at most {@link #MAX_WATCHDOG_MS}. */
    public static final int MIN_SAMPLE_MS = 5;
    public static final int MAX_SAMPLE_MS = 100;
    public static final int MAX_WATCHDOG_MS = 2000;

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
        range("pwm_channel", pwmChannel, 0, MAX_PWM_CHANNEL);
        range("pwm_frequency_hz", pwmFrequencyHz, MIN_PWM_HZ, MAX_PWM_HZ);
        pin("tach_pin", tachPin, false);
        range("tach_pulses_per_revolution", tachPulsesPerRevolution, 1, MAX_PULSES_PER_REVOLUTION);
        range("min_ppm", minPpm, MIN_PPM, MAX_PPM);
        range("max_ppm", maxPpm, minPpm, MAX_PPM);
        range("full_duty_ppm", fullDutyPpm, maxPpm, MAX_FULL_DUTY_PPM);
        pin("enable_pin", enablePin, true);
        pin("heartbeat_pin", heartbeatPin, true);
        pin("emergency_stop_pin", emergencyStopPin, false);
        pin("power_button_pin", powerButtonPin, true);
        pin("plus_button_pin", plusButtonPin, true);
        pin("minus_button_pin", minusButtonPin, true);
        int buttons = (powerButtonPin == NO_PIN ? 0 : 1) + (plusButtonPin == NO_PIN ? 0 : 1)
                + (minusButtonPin == NO_PIN ? 0 : 1);
        if (buttons != 0 && buttons != 3) {
            throw new SettingException(powerButtonPin == NO_PIN ? "power_button_pin" : plusButtonPin == NO_PIN
                    ? "plus_button_pin" : "minus_button_pin",
                    "power_button_pin, plus_button_pin and minus_button_pin: give all three or none");
        }
        if (samplePeriodMillis < MIN_SAMPLE_MS || samplePeriodMillis > MAX_SAMPLE_MS) {
            throw new SettingException("sample_period", samplePeriodMillis + "ms is outside " + MIN_SAMPLE_MS + "ms.."
                    + MAX_SAMPLE_MS + "ms");
        }
        // The watchdog must outlast a few samples, or a sampler on time would still trip it.
        if (watchdogMillis < 3 * samplePeriodMillis || watchdogMillis > MAX_WATCHDOG_MS) {
            throw new SettingException("watchdog", watchdogMillis + "ms is outside " + 3 * samplePeriodMillis + "ms.."
                    + MAX_WATCHDOG_MS + "ms (at least three sample periods of " + samplePeriodMillis + "ms)");
        }
        Map<Integer, String> used = new HashMap<>();
        claim(used, "tach_pin", tachPin);
        claim(used, "enable_pin", enablePin);
        claim(used, "heartbeat_pin", heartbeatPin);
        claim(used, "emergency_stop_pin", emergencyStopPin);
        claim(used, "power_button_pin", powerButtonPin);
        claim(used, "plus_button_pin", plusButtonPin);
        claim(used, "minus_button_pin", minusButtonPin);
        int pwmPin = pwmPin(pwmChannel);
        if (used.containsKey(pwmPin)) {
            throw new SettingException(used.get(pwmPin), "GPIO" + pwmPin + " is the PWM output of pwm_channel " + pwmChannel);
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

    private static void range(String key, int value, int min, int max) {
        SettingException.range(key, value, min, max);
    }

    private static void pin(String key, int pin, boolean optional) {
        if (optional && pin == NO_PIN) {
            return;
        }
        if (pin < 0 || pin > MAX_PIN) {
            throw new SettingException(key, pin + " is not a BCM GPIO pin (0.." + MAX_PIN
                    + (optional ? ", or leave it out" : "") + ")");
        }
    }

    private static void claim(Map<Integer, String> used, String key, int pin) {
        if (pin == NO_PIN) {
            return;
        }
        String other = used.putIfAbsent(pin, key);
        if (other != null) {
            throw new SettingException(key, "GPIO" + pin + " is already " + other);
        }
    }
}
