package org.percuss.device.time;

/**
 * The real clocks of this machine: the one class that reads {@link System#nanoTime()} (monotonic)
 * and {@link System#currentTimeMillis()} (calendar). Everything else receives a {@link Ticker} or
 * an {@link EpochClock} so that tests can replace them with virtual ones.
 */
final class SystemTicker implements Ticker, EpochClock {

    static final SystemTicker INSTANCE = new SystemTicker();

    private SystemTicker() {
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public long epochMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "system ticker";
    }
}
