package org.percuss.device.gpio;

import java.time.Duration;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * How the rig drives the motor: a brushed-DC motor driver by PWM duty ({@link Kind#DRIVER}, the
 * default), or a hobby ESC for a brushless motor by servo pulses ({@link Kind#ESC}).
 *
 * <p>An ESC reads a pulse every {@code 1 / escFrequencyHz}: {@value #STOP_PULSE_MICROS} µs is
 * zero throttle, {@value #FULL_PULSE_MICROS} µs full. It arms only after it has seen zero throttle
 * for a while after power-up, so the rig puts out {@value #STOP_PULSE_MICROS} µs for
 * {@code escArmingMillis} before any speed, and again on every stop, fault and exit. The duty the
 * rig's regulator asks for maps linearly onto the pulse: {@code pulse = 1000 µs + 10 µs × duty %}.
 *
 * @param kind driver or ESC
 * @param escFrequencyHz the ESC's pulse rate, {@value #MIN_ESC_HZ}..{@value #MAX_ESC_HZ} Hz (50 Hz
 *     suits every ESC; many take up to 400 Hz)
 * @param escArmingMillis how long the ESC needs zero throttle after power-up before it runs
 */
public record MotorOutput(Kind kind, int escFrequencyHz, int escArmingMillis) {

    /** What drives the motor. */
    public enum Kind {
        /** A brushed-DC motor driver with a PWM input: duty 0..100 % at {@code pwm_frequency_hz}. */
        DRIVER,
        /** An RC ESC: 1000..2000 µs pulses at {@code esc_frequency_hz}. */
        ESC
    }

    /** The ESC pulse rate range, hertz: the classic servo rate up to what fast ESCs take. */
    public static final int MIN_ESC_HZ = 50;
    public static final int MAX_ESC_HZ = 400;
    /** The arming time range, milliseconds. */
    public static final int MIN_ARMING_MS = 500;
    public static final int MAX_ARMING_MS = 10_000;
    /** Zero throttle and full throttle, microseconds. */
    public static final int STOP_PULSE_MICROS = 1000;
    public static final int FULL_PULSE_MICROS = 2000;

    /** What drives the motor: {@code driver} or {@code esc}. */
    public static final String OUTPUT_KEY = "gpio.output";
    public static final Setting ESC_FREQUENCY_HZ = Setting.whole("gpio.esc_frequency_hz", MIN_ESC_HZ, MAX_ESC_HZ, "Hz");
    public static final Setting ESC_ARMING = Setting.duration("gpio.esc_arming", Duration.ofMillis(MIN_ARMING_MS),
            Duration.ofMillis(MAX_ARMING_MS));

    /** A motor driver (the ESC settings at their defaults, unused). */
    public static final MotorOutput DRIVER = new MotorOutput(Kind.DRIVER, 50, 3000);

    /** @throws InvalidSetting naming the key, when a value is out of its range */
    public MotorOutput {
        if (kind == null) {
            throw new InvalidSetting(OUTPUT_KEY, "must be driver or esc");
        }
        ESC_FREQUENCY_HZ.require(escFrequencyHz);
        ESC_ARMING.requireMillis(escArmingMillis);
    }

    /** An ESC at {@code frequencyHz} that arms in {@code armingMillis}. */
    public static MotorOutput esc(int frequencyHz, int armingMillis) {
        return new MotorOutput(Kind.ESC, frequencyHz, armingMillis);
    }

    /** Whether this is an ESC. */
    public boolean isEsc() {
        return kind == Kind.ESC;
    }

    /** The pulse for a duty of {@code dutyPercent} (0..100): 1000 µs + 10 µs per percent. */
    public static int pulseMicros(int dutyPercent) {
        int duty = Math.max(0, Math.min(100, dutyPercent));
        return STOP_PULSE_MICROS + duty * (FULL_PULSE_MICROS - STOP_PULSE_MICROS) / 100;
    }
}
