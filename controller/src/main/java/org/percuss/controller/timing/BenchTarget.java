package org.percuss.controller.timing;

import org.percuss.device.api.PercussionDevice;
import org.percuss.device.time.Ticker;

/**
 * What the loop benchmark drives: a device on its own clock, a world that can be advanced to a
 * time on that clock (the simulated gun's physics and board, on a virtual clock, moved on to the
 * wall clock before each tick, as {@code percuss run} does), and an emergency-stop input to press.
 */
public interface BenchTarget extends AutoCloseable {

    /** The device, open. */
    PercussionDevice device();

    /** The clock the device and the loop live on. */
    Ticker clock();

    /** Runs the world up to {@code nanos} on {@link #clock()} (everything due by then happens). */
    void advanceTo(long nanos);

    /** Presses ({@code true}) or releases the emergency-stop input at {@code nanos} on {@link #clock()}, not before. */
    void emergencyStopAt(long nanos, boolean pressed);

    @Override
    void close();
}
