package org.percuss.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the {@link Invariants} on every tick of a run and keeps the first violation of each, with
 * its time and value, and how many ticks broke it.
 */
public final class InvariantChecker {

    private final Invariants invariants;
    private Sample previous;
    private String aboveMax;
    private long aboveMaxCount;
    private String rampTooFast;
    private long rampTooFastCount;
    private String nonZeroLatched;
    private long nonZeroLatchedCount;
    private String badStart;
    private long badStartCount;
    private int topCommanded;
    private int fastestRise;

    public InvariantChecker(Invariants invariants) {
        this.invariants = invariants;
    }

    /** One tick. */
    public void sample(Sample s) {
        int cmd = s.commandedPpm();
        topCommanded = Math.max(topCommanded, cmd);
        if (cmd > invariants.maxPpm()) {
            aboveMaxCount++;
            if (aboveMax == null) {
                aboveMax = cmd + " ppm at " + ExpectationChecker.secs(s.nanos());
            }
        }
        if (invariants.zeroWhileLatched() && s.latchedFaultBits() != 0 && cmd != 0) {
            nonZeroLatchedCount++;
            if (nonZeroLatched == null) {
                nonZeroLatched = cmd + " ppm at " + ExpectationChecker.secs(s.nanos());
            }
        }
        if (previous != null) {
            int before = previous.commandedPpm();
            if (before == 0 && cmd != 0 && cmd != invariants.lowestPpm()) {
                badStartCount++;
                if (badStart == null) {
                    badStart = "started at " + cmd + " ppm at " + ExpectationChecker.secs(s.nanos());
                }
            } else if (before != 0 && cmd > before) {
                int rise = cmd - before;
                fastestRise = Math.max(fastestRise, rise);
                long allowed = Math.max(1, invariants.rampPpmPerSecond() * (s.nanos() - previous.nanos()) / 1_000_000_000L);
                if (rise > allowed) {
                    rampTooFastCount++;
                    if (rampTooFast == null) {
                        rampTooFast = "rose " + rise + " ppm in " + (s.nanos() - previous.nanos()) / 1_000_000 + " ms at "
                                + ExpectationChecker.secs(s.nanos());
                    }
                }
            }
        }
        previous = s;
    }

    /** The verdicts, one per invariant. */
    public List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>();
        out.add(verdict("invariant: never above " + invariants.maxPpm() + " ppm", aboveMax, aboveMaxCount,
                "top " + topCommanded + " ppm"));
        out.add(verdict("invariant: never rising faster than " + invariants.rampPpmPerSecond() + " ppm/s", rampTooFast,
                rampTooFastCount, "largest rise in one tick " + fastestRise + " ppm"));
        out.add(verdict("invariant: every start at the lowest level, " + invariants.lowestPpm() + " ppm", badStart,
                badStartCount, "ok"));
        if (invariants.zeroWhileLatched()) {
            out.add(verdict("invariant: zero while a fault is latched", nonZeroLatched, nonZeroLatchedCount, "ok"));
        }
        return out;
    }

    private static Outcome verdict(String what, String firstViolation, long count, String fine) {
        return firstViolation == null
                ? new Outcome(true, 0, what + " (" + fine + ")")
                : new Outcome(false, 0, what + ": " + firstViolation + (count > 1 ? " and " + (count - 1) + " more ticks" : ""));
    }
}
