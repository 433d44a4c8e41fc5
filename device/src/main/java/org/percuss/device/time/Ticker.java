package org.percuss.device.time;

/**
 * A monotonic time source: one reading, in nanoseconds, from an arbitrary origin.
 *
 * <p>Every class whose behaviour depends on time takes a {@code Ticker} in its constructor, so the
 * same code runs on the wall clock in production ({@link #system()}) and on a virtual clock in
 * tests and in the simulator, where fifteen minutes pass in milliseconds. Only differences between
 * two readings mean anything; the origin is not a date.
 */
@FunctionalInterface
public interface Ticker {

    /** The current reading in nanoseconds; never decreases between two calls. */
    long nanos();

    /** The real monotonic clock of this machine. */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}
