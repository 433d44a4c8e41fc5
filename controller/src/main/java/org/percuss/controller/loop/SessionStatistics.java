package org.percuss.controller.loop;

/**
 * What a session's summary tells beyond the loop's state: the top speeds commanded and measured.
 * A {@link TickObserver}; allocates nothing.
 */
public final class SessionStatistics implements TickObserver {

    private int topCommandedPpm;
    private int topMeasuredPpm;

    @Override
    public void afterTick(ControlLoop loop) {
        topCommandedPpm = Math.max(topCommandedPpm, loop.commandedPpm());
        topMeasuredPpm = Math.max(topMeasuredPpm, loop.telemetry().measuredPpm());
    }

    public int topCommandedPpm() {
        return topCommandedPpm;
    }

    public int topMeasuredPpm() {
        return topMeasuredPpm;
    }
}
