package org.percuss.controller.loop;

/**
 * Sees the loop at the end of every tick, inside it: for statistics and checks that must not
 * allocate or block (a file or a terminal is written after the tick, by whoever drives it).
 */
@FunctionalInterface
public interface TickObserver {

    /** The tick just ended; read what it did from {@code loop}. */
    void afterTick(ControlLoop loop);
}
