package org.percuss.simulator.scenario;

/**
 * What must hold on every tick of a run, whatever the scenario does (DESIGN.md rules 2, 3, 7).
 *
 * @param maxPpm the command never exceeds this (normally the highest level)
 * @param rampPpmPerSecond no rise between two ticks exceeds {@code max(1, floor(rate · dt))} ppm,
 *        except a start, which jumps from 0 to the lowest level
 * @param lowestPpm the lowest level: the only speed a start may jump to
 * @param zeroWhileLatched nothing but 0 is commanded while the controller has a fault latched
 */
public record Invariants(int maxPpm, int rampPpmPerSecond, int lowestPpm, boolean zeroWhileLatched) {
}
