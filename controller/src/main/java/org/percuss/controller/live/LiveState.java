package org.percuss.controller.live;

import java.util.List;
import org.percuss.controller.loop.LoopState;

/**
 * A running session as a person at the controls sees it at one moment: published by the ticking
 * thread, read by any other (the key handler, the web server), never changed.
 *
 * @param info what does not change during the session
 * @param tick control ticks started so far
 * @param elapsedSeconds session time since the first tick
 * @param state the loop's state
 * @param level the level the user chose
 * @param targetPpm where the speed is heading (the level's, or lower while derated)
 * @param commandedPpm what the latest tick commanded
 * @param measuredPpm what the device measured
 * @param runningSeconds running time so far
 * @param limitSeconds the most running time (the session limit, or what the zone has left if less)
 * @param zone the zone and its budget left, or null without a zone
 * @param currentAmps motor current, or null when the device does not measure it
 * @param temperatureCelsius temperature, or null when the device does not measure it
 * @param supplyVolts supply voltage, or null when the device does not measure it
 * @param faults the latched faults, in words
 * @param stopMessage why the latest safety stop or the end happened, or empty
 * @param derateLevel the level a safety rule holds the speed to, or 0
 * @param tripCondition the trip condition a safety rule still sees, or null (why a start or a clear
 *                      would be refused now; looked at only while the motor is off)
 * @param latchedAtTick the tick of the latest safety stop, or 0
 * @param clearAsked whether a clear was asked since that stop (a start then waits for it)
 * @param messages the latest messages of the loop, oldest first
 * @param end how the session ended, or null while it runs
 */
public record LiveState(SessionInfo info, long tick, double elapsedSeconds, LoopState state, int level, int targetPpm,
                        int commandedPpm, int measuredPpm, double runningSeconds, double limitSeconds, ZoneLeft zone,
                        Double currentAmps, Double temperatureCelsius, Double supplyVolts, List<String> faults,
                        String stopMessage, int derateLevel, String tripCondition, long latchedAtTick,
                        boolean clearAsked, List<Message> messages, SessionEnd end) {

    /**
     * A zone and what is left of its budget.
     *
     * @param name the zone
     * @param leftSeconds running time left in its budget
     */
    public record ZoneLeft(String name, double leftSeconds) {
    }

    /** Whether the session is over. */
    public boolean over() {
        return state == LoopState.FINISHED;
    }

    /** Running time left before the limit. */
    public double leftSeconds() {
        return Math.max(0, limitSeconds - runningSeconds);
    }

    /** This state with the session's end. */
    LiveState withEnd(SessionEnd e) {
        return new LiveState(info, tick, elapsedSeconds, state, level, targetPpm, commandedPpm, measuredPpm, runningSeconds,
                limitSeconds, zone, currentAmps, temperatureCelsius, supplyVolts, faults, stopMessage, derateLevel,
                tripCondition, latchedAtTick, clearAsked, messages, e);
    }
}
