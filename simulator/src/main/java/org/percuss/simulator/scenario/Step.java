package org.percuss.simulator.scenario;

import java.time.Duration;

/**
 * One timed action of a scenario.
 *
 * @param at when, from the start of the run
 * @param name an optional name expectations can refer to ({@code after: cooling lost}); may be empty
 * @param action what happens
 * @param line where it is written in the scenario file
 */
public record Step(Duration at, String name, Action action, int line) {
}
