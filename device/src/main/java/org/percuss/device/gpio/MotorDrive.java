package org.percuss.device.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;

/**
 * What puts the regulator's duty out to the motor: a motor driver's PWM and enable line
 * ({@link Driver}), or an ESC's servo pulses ({@link Esc}). Called under the device's lock.
 */
sealed interface MotorDrive {

    /** Whether a speed may be put out at {@code nowNanos}: an ESC must be armed first. */
    boolean ready(long nowNanos);

    /** Puts out {@code dutyPercent} (0..100), the motor enabled. */
    void run(int dutyPercent);

    /** Zero output: the driver's PWM off and its enable line low; the ESC's zero-throttle pulse. */
    void stop();

    /** The last stop, when the rig is closed: as {@link #stop()}, and an ESC's enable line low too. */
    void release();

    /** The duty put out now, percent; 0 when stopped. */
    int dutyPercent();

    /**
     * A brushed-DC motor driver: PWM duty at the rig's frequency, the enable line high only while
     * the motor runs. A stop turns the PWM off (not merely to 0 %) and the enable line low.
     */
    final class Driver implements MotorDrive {
        private final Pwm pwm;
        private final DigitalOutput enable;
        private final int frequencyHz;
        private int duty;

        /** @param enable the driver's enable line, or {@code null} for a rig without one */
        Driver(Pwm pwm, DigitalOutput enable, int frequencyHz) {
            this.pwm = pwm;
            this.enable = enable;
            this.frequencyHz = frequencyHz;
        }

        @Override
        public boolean ready(long nowNanos) {
            return true;
        }

        @Override
        public void run(int dutyPercent) {
            setEnable(true);
            setDuty(dutyPercent);
        }

        @Override
        public void stop() {
            setDuty(0);
            setEnable(false);
        }

        @Override
        public void release() {
            stop();
        }

        @Override
        public int dutyPercent() {
            return duty;
        }

        private void setDuty(int percent) {
            if (percent == duty && (percent != 0 || !pwm.isOn())) {
                return;
            }
            duty = percent;
            if (percent == 0) {
                pwm.off();
            } else {
                pwm.on(percent, frequencyHz);
            }
        }

        private void setEnable(boolean on) {
            if (enable != null) {
                enable.state(on ? DigitalState.HIGH : DigitalState.LOW);
            }
        }
    }

    /**
     * An RC ESC: servo pulses of {@link MotorOutput#pulseMicros(int)}. From the moment the rig
     * opens, the enable line (if wired: it can switch the ESC's power) is high and the pulse is the
     * zero-throttle {@value MotorOutput#STOP_PULSE_MICROS} µs; no speed goes out until the ESC has
     * had that for its arming time. Every stop and fault puts out zero throttle again; closing does
     * too, and lowers the enable line. The ESC stays armed through stops: it saw no gap in its pulses.
     */
    final class Esc implements MotorDrive {
        private final ServoPulses pulses;
        private final DigitalOutput enable;
        private final int frequencyHz;
        private final long armedAtNanos;
        private int duty;

        /**
         * Powers and starts arming the ESC at {@code nowNanos}.
         *
         * @param enable the ESC's power switch, or {@code null}
         */
        Esc(ServoPulses pulses, DigitalOutput enable, MotorOutput output, long nowNanos) {
            this.pulses = pulses;
            this.enable = enable;
            this.frequencyHz = output.escFrequencyHz();
            this.armedAtNanos = nowNanos + output.escArmingMillis() * 1_000_000L;
            if (enable != null) {
                enable.state(DigitalState.HIGH);
            }
            pulses.pulse(frequencyHz, MotorOutput.STOP_PULSE_MICROS);
        }

        @Override
        public boolean ready(long nowNanos) {
            return nowNanos >= armedAtNanos;
        }

        /** When the ESC counts as armed, on the scheduler's clock. */
        long armedAtNanos() {
            return armedAtNanos;
        }

        @Override
        public void run(int dutyPercent) {
            duty = Math.max(0, Math.min(100, dutyPercent));
            pulses.pulse(frequencyHz, MotorOutput.pulseMicros(duty));
        }

        @Override
        public void stop() {
            duty = 0;
            pulses.pulse(frequencyHz, MotorOutput.STOP_PULSE_MICROS);
        }

        @Override
        public void release() {
            stop();
            if (enable != null) {
                enable.state(DigitalState.LOW);
            }
        }

        @Override
        public int dutyPercent() {
            return duty;
        }
    }
}
