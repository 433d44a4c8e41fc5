package org.percuss.simulator.scenario;

import java.util.List;

/**
 * What a scenario expects: conditions that must all hold together, at a time, within a time after
 * an event, or at the end.
 *
 * @param timing when to check
 * @param conditions what must hold, all on the same tick
 * @param line where it is written in the scenario file
 */
public record Expectation(Timing timing, List<Condition> conditions, int line) {

    public Expectation {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("an expectation needs at least one condition");
        }
        conditions = List.copyOf(conditions);
    }
}
