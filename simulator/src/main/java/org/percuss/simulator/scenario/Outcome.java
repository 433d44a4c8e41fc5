package org.percuss.simulator.scenario;

/**
 * The verdict on one expectation or invariant, as {@code percuss simulate} prints it.
 *
 * @param passed whether it held
 * @param line where the expectation is written in the scenario file (0 for built-in invariants)
 * @param text the verdict in words: when, what was wanted, what was observed
 */
public record Outcome(boolean passed, int line, String text) {

    /** The line printed for it: {@code PASS  at 12.00 s: state RAMPING (observed RAMPING)}. */
    @Override
    public String toString() {
        return (passed ? "PASS  " : "FAIL  ") + text;
    }
}
