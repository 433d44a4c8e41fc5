package org.percuss.simulator.scenario;

/**
 * The verdict on one expectation or invariant, as {@code percuss simulate} prints it: it held, it
 * failed, or it does not apply on this transport (the Raspberry Pi rig has no current sensor, say),
 * which is said and counted apart, never passed silently.
 *
 * @param passed whether it held (true for one that does not apply: it cannot fail the run)
 * @param line where the expectation is written in the scenario file (0 for built-in invariants)
 * @param text the verdict in words: when, what was wanted, what was observed; or why it does not apply
 * @param applicable whether it was checked at all
 */
public record Outcome(boolean passed, int line, String text, boolean applicable) {

    /** A verdict on an expectation that was checked. */
    public Outcome(boolean passed, int line, String text) {
        this(passed, line, text, true);
    }

    /** An expectation that does not apply here, and why: {@code "n/a on gpio: no current sense"}. */
    public static Outcome notApplicable(int line, String why) {
        return new Outcome(true, line, why, false);
    }

    /** The line printed for it: {@code PASS  at 12.00 s: state RAMPING (observed RAMPING)}. */
    @Override
    public String toString() {
        return (!applicable ? "n/a   " : passed ? "PASS  " : "FAIL  ") + text;
    }
}
