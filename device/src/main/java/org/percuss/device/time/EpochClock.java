package org.percuss.device.time;

/**
 * Calendar time, in milliseconds since 1970-01-01T00:00Z: for timestamps that must mean the same
 * across runs and restarts, such as the usage ledger's. Like {@link Ticker}, it is passed in, and
 * only the real implementation ({@link #system()}) reads the machine's clock.
 */
@FunctionalInterface
public interface EpochClock {

    /** Milliseconds since the epoch. May jump (the machine's clock may be set); never assume order. */
    long epochMillis();

    /** The machine's calendar clock. */
    static EpochClock system() {
        return SystemTicker.INSTANCE;
    }
}
