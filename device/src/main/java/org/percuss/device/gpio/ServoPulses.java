package org.percuss.device.gpio;

/**
 * A hardware PWM output set by pulse width, for an RC ESC: {@code micros} high every
 * {@code 1 / frequencyHz}. Pi4J 3's PWM takes its duty in whole percent, which at 50 Hz is 200 µs
 * a step, five steps from zero to full throttle; so an ESC is driven through this instead, to the
 * microsecond ({@link SysfsPwm} on a Pi, an in-memory one on the {@link VirtualPi}).
 */
interface ServoPulses {

    /** Puts out pulses of {@code micros} at {@code frequencyHz}, from now on. */
    void pulse(int frequencyHz, int micros);

    /** The pulse width put out now, microseconds; 0 when the output is off. */
    int micros();

    /** An output that is not there: any use is a bug (a rig that is not an ESC has none). */
    ServoPulses NONE = new ServoPulses() {
        @Override
        public void pulse(int frequencyHz, int micros) {
            throw new IllegalStateException("this rig has no ESC output");
        }

        @Override
        public int micros() {
            return 0;
        }
    };
}
