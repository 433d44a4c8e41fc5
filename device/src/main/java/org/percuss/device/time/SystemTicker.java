package org.percuss.device.time;

/**
 * The real, monotonic clock of this machine: the one class that reads {@link System#nanoTime()}.
 * Everything else receives a {@link Ticker} so that tests can replace it with a virtual clock.
 */
final class SystemTicker implements Ticker {

    static final SystemTicker INSTANCE = new SystemTicker();

    private SystemTicker() {
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }

    @Override
    public String toString() {
        return "system ticker";
    }
}
