package org.percuss.controller.loop;

import java.util.function.BooleanSupplier;

/**
 * Runs a control tick at a fixed rate until told to stop: on the wall clock for real hardware
 * ({@link RealTimeDriver}), on a virtual clock for the simulator.
 */
public interface TickDriver {

    /**
     * Runs {@code tick} every period until {@code done} answers true after a tick, or the thread
     * is interrupted.
     */
    void run(Runnable tick, BooleanSupplier done);
}
