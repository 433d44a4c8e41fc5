package org.percuss.controller.timing;

import java.util.SplittableRandom;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.device.api.Input;

/**
 * Emergency-stop trials in the running loop, one after another, stepped after every tick on the
 * loop's thread: once the motor runs, the e-stop input is pressed at a random moment 200–500 ms
 * later (on the device's clock); when the loop's zero command has gone out, the trial's latencies
 * are kept, the input is released, and the faults are cleared and the session started again (asked
 * again every 300 ms while a clear is refused). Each trial keeps, on the wall clock: input pressed
 * → zero command delivered (which includes the wait for the board's next report, up to its
 * telemetry period), and the report that carried it received → zero command delivered (the loop's
 * own part: up to a period, plus the tick's lateness). A press that brings no zero command within
 * 2 s is a miss. Allocates nothing per tick.
 */
final class EstopTrials {

    private static final long PRESS_AFTER_NANOS = 200_000_000L;
    private static final long PRESS_SPREAD_NANOS = 300_000_000L;
    private static final long RETRY_NANOS = 300_000_000L;
    private static final long GIVE_UP_NANOS = 2_000_000_000L;

    private enum Phase { WAIT_RUNNING, PRESSING, DONE }

    private final BenchTarget target;
    private final TimedDevice device;
    private final ControlLoop loop;
    private final long wallMinusDevice;
    private final long[] inputToZero;
    private final long[] reportToZero;
    private final SplittableRandom random = new SplittableRandom(16);
    private Phase phase = Phase.WAIT_RUNNING;
    private int done;
    private int missed;
    private long pressAt;
    private long lastClear = Long.MIN_VALUE / 2;

    /**
     * Trials on {@code loop}, which drives {@code device} (on {@code target}).
     *
     * @param wallMinusDevice the wall clock's reading less the device clock's, for the same moment
     */
    EstopTrials(int trials, BenchTarget target, TimedDevice device, ControlLoop loop, long wallMinusDevice) {
        this.target = target;
        this.device = device;
        this.loop = loop;
        this.wallMinusDevice = wallMinusDevice;
        this.inputToZero = new long[trials];
        this.reportToZero = new long[trials];
    }

    /** Steps the trials after a tick; {@code now} is the device clock's time. */
    void afterTick(long now) {
        switch (phase) {
            case WAIT_RUNNING -> {
                if (loop.state().motorOn() && loop.commandedPpm() > 0) {
                    pressAt = now + PRESS_AFTER_NANOS + random.nextLong(PRESS_SPREAD_NANOS);
                    target.emergencyStopAt(pressAt, true);
                    device.arm();
                    phase = Phase.PRESSING;
                } else if (loop.state().latched() && !loop.telemetry().inputs().isActive(Input.EMERGENCY_STOP)
                        && now - lastClear >= RETRY_NANOS) {
                    loop.clearFaults();
                    loop.start();
                    lastClear = now;
                }
            }
            case PRESSING -> {
                if (device.zeroSeen()) {
                    long zero = device.zeroWallNanos();
                    inputToZero[done] = zero - (pressAt + wallMinusDevice);
                    reportToZero[done] = zero - (device.reportNanos() + wallMinusDevice);
                    done++;
                    release(now);
                } else if (now - pressAt > GIVE_UP_NANOS) {
                    missed++;
                    release(now);
                }
            }
            case DONE -> { }
        }
    }

    private void release(long now) {
        device.disarm();
        target.emergencyStopAt(now, false);
        phase = done + missed >= inputToZero.length ? Phase.DONE : Phase.WAIT_RUNNING;
    }

    /** Whether every trial has been made. */
    boolean finished() {
        return phase == Phase.DONE;
    }

    /** Trials that brought a zero command. */
    int completed() {
        return done;
    }

    /** Presses that brought no zero command within 2 s. */
    int missed() {
        return missed;
    }

    /** Input pressed → zero command, over the completed trials; null when there were none. */
    LatencySummary inputToZero() {
        return done == 0 ? null : LatencySummary.of(inputToZero, done);
    }

    /** Report with the e-stop received → zero command, over the completed trials; null when there were none. */
    LatencySummary reportToZero() {
        return done == 0 ? null : LatencySummary.of(reportToZero, done);
    }
}
