package org.percuss.simulator.rig;

/**
 * A hobby ESC driving the brushless motor, as the rig's PWM output sees it: unpowered it does
 * nothing; powered, it arms only after {@code armingNanos} of zero-throttle pulses (900..1050 µs)
 * without a break — a higher pulse while it is arming starts the wait again, so a rig that asks for
 * speed at once never runs the motor — and once armed it puts {@code (pulse − 1000) / 1000} of the
 * supply on the motor (open-loop, as an ESC without a governor does). No pulses: no output.
 */
final class HobbyEsc {

    private final long armingNanos;
    private long zeroSince = -1;
    private boolean armed;

    HobbyEsc(long armingNanos) {
        this.armingNanos = armingNanos;
    }

    /** The duty the ESC puts on the motor at {@code nowNanos}. */
    double duty(long nowNanos, boolean powered, int pulseMicros) {
        if (!powered) {
            armed = false;
            zeroSince = -1;
            return 0;
        }
        if (!armed) {
            if (pulseMicros >= 900 && pulseMicros <= 1050) {
                if (zeroSince < 0) {
                    zeroSince = nowNanos;
                }
                armed = nowNanos - zeroSince >= armingNanos;
            } else {
                zeroSince = -1;
            }
            return 0;
        }
        return pulseMicros <= 0 ? 0 : Math.max(0, Math.min(1, (pulseMicros - 1000) / 1000.0));
    }

    boolean armed() {
        return armed;
    }
}
