package org.percuss.simulator.scenario;

/**
 * Something that happened during a run, with its time: a state change with its reason, a warning,
 * a derate or trip, a step of the script.
 *
 * @param nanos time since the scenario started
 * @param text what happened, in words
 */
public record Event(long nanos, String text) {
}
