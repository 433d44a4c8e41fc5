package org.percuss.simulator.scenario;

/**
 * What must hold on every tick of a run, whatever the scenario does (DESIGN.md rules 1–4, 7, 8),
 * with the session's numbers.
 *
 * @param maxPpm the command is 0 or at most this (normally the highest level)
 * @param rampPpmPerSecond no rise between two ticks exceeds {@code max(1, floor(rate · dt))} ppm,
 *        except a start, which jumps from 0 to the lowest level
 * @param lowestPpm the lowest level: the only speed a start may jump to, and the least non-zero command
 * @param zeroWhileLatched nothing but 0 is commanded while the controller has a fault latched
 * @param limitNanos the session's running-time limit; the running time never exceeds it by more
 *        than one tick ({@link Long#MAX_VALUE}: not checked)
 * @param tickNanos the control tick
 * @param warmUp whether every start holds a warm-up (a zero warm-up goes straight to the ramp)
 */
public record Invariants(int maxPpm, int rampPpmPerSecond, int lowestPpm, boolean zeroWhileLatched, long limitNanos,
                         long tickNanos, boolean warmUp) {

    /** The invariants without a running-time limit, at the 10 ms tick, with a warm-up. */
    public Invariants(int maxPpm, int rampPpmPerSecond, int lowestPpm, boolean zeroWhileLatched) {
        this(maxPpm, rampPpmPerSecond, lowestPpm, zeroWhileLatched, Long.MAX_VALUE, 10_000_000L, true);
    }
}
