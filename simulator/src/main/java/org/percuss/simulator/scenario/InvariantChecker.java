package org.percuss.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The one checker of DESIGN.md's safety invariants, for scenarios and the property tests alike:
 * every tick of a run against {@link Invariants}, keeping the first violation of each with its time
 * and how many ticks broke it. Checking allocates nothing unless something breaks.
 *
 * <ol>
 *   <li>the command is 0 or inside [lowest level, maximum];</li>
 *   <li>no rise between two ticks faster than the ramp, except a start;</li>
 *   <li>every start (0 → non-zero) is at the lowest level, never while a safety rule sees its trip
 *       condition, and after a device restart only in WARM_UP;</li>
 *   <li>zero while a fault is latched, and every fault bit the device reports latched within one tick;</li>
 *   <li>zero, in EMERGENCY_STOP (or FINISHED), on the tick after an emergency-stop request;</li>
 *   <li>a device that restarted (its uptime went back) is commanded zero within one tick;</li>
 *   <li>the running time never exceeds the limit by more than one tick.</li>
 * </ol>
 */
public final class InvariantChecker {

    private final Invariants inv;
    private final Check bounds = new Check();
    private final Check ramp = new Check();
    private final Check start = new Check();
    private final Check latched = new Check();
    private final Check emergencyStop = new Check();
    private final Check restart = new Check();
    private final Check limit = new Check();
    private Sample previous;
    private int unlatchedBits;
    private boolean zeroExpected;
    private boolean restarted;
    private int topCommanded;
    private int fastestRise;

    public InvariantChecker(Invariants invariants) {
        this.inv = invariants;
    }

    /** An emergency stop was just requested: the next tick must command zero and be latched. */
    public void emergencyStopRequested() {
        zeroExpected = true;
    }

    /** One tick. */
    public void sample(Sample s) {
        int cmd = s.commandedPpm();
        topCommanded = Math.max(topCommanded, cmd);
        if (cmd != 0 && (cmd < inv.lowestPpm() || cmd > inv.maxPpm())) {
            bounds.fail(s, cmd, "ppm");
        }
        if (inv.zeroWhileLatched() && s.latchedFaultBits() != 0 && cmd != 0) {
            latched.fail(s, cmd, "ppm with a fault latched");
        }
        if ((unlatchedBits & ~s.latchedFaultBits()) != 0 && !s.state().equals("IDLE")) {
            latched.fail(s, unlatchedBits, "(fault bits reported a tick ago, still not latched)");
        }
        unlatchedBits = s.deviceFaultBits() & ~s.latchedFaultBits();
        if (zeroExpected) {
            zeroExpected = false;
            if (cmd != 0 || !(s.state().equals("EMERGENCY_STOP") || s.state().equals("FINISHED"))) {
                emergencyStop.fail(s, cmd, "ppm in " + s.state() + " on the tick after an emergency stop");
            }
        }
        if (s.runningNanos() > inv.limitNanos() && s.runningNanos() - inv.limitNanos() > inv.tickNanos()) {
            limit.fail(s, s.runningNanos() / 1_000_000, "ms of running time");
        }
        if (previous != null) {
            int before = previous.commandedPpm();
            if (s.uptimeMillis() < previous.uptimeMillis()) {
                restarted = true; // the device restarted: zero now, and the next start warms up
                if (cmd != 0) {
                    restart.fail(s, cmd, "ppm on the tick after the device restarted");
                }
            }
            if (before == 0 && cmd != 0) {
                startChecks(s, cmd);
            } else if (before != 0 && cmd > before) {
                int rise = cmd - before;
                fastestRise = Math.max(fastestRise, rise);
                long allowed = Math.max(1, inv.rampPpmPerSecond() * (s.nanos() - previous.nanos()) / 1_000_000_000L);
                if (rise > allowed) {
                    ramp.fail(s, rise, "ppm in one tick");
                }
            }
        }
        previous = s;
    }

    private void startChecks(Sample s, int cmd) {
        if (cmd != inv.lowestPpm()) {
            start.fail(s, cmd, "ppm at a start");
        } else if (s.tripConditionPresent()) {
            start.fail(s, cmd, "ppm at a start while a trip condition is present");
        } else if (restarted && inv.warmUp() && !s.state().equals("WARM_UP")) {
            start.fail(s, cmd, "ppm at the start after a device restart, in " + s.state());
        }
        restarted = false;
    }

    /** The verdicts, one per invariant, in the order of {@link #names()}. */
    public List<Outcome> outcomes() {
        List<String> names = names();
        List<Outcome> out = new ArrayList<>();
        int n = 0;
        out.add(bounds.verdict(names.get(n++), "top " + topCommanded + " ppm"));
        out.add(ramp.verdict(names.get(n++), "largest rise in one tick " + fastestRise + " ppm"));
        out.add(start.verdict(names.get(n++), "ok"));
        if (inv.zeroWhileLatched()) {
            out.add(latched.verdict(names.get(n++), "ok"));
        }
        out.add(emergencyStop.verdict(names.get(n++), "ok"));
        out.add(restart.verdict(names.get(n++), "ok"));
        if (inv.limitNanos() != Long.MAX_VALUE) {
            out.add(limit.verdict(names.get(n), "ok"));
        }
        return out;
    }

    /** What each invariant checked here says, whatever a run observes, in the order of the verdicts. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add("invariant: never above " + inv.maxPpm() + " ppm, nor between 0 and " + inv.lowestPpm());
        out.add("invariant: never rising faster than " + inv.rampPpmPerSecond() + " ppm/s");
        out.add("invariant: every start at the lowest level, " + inv.lowestPpm()
                + " ppm, with no trip condition present, warming up after a device restart");
        if (inv.zeroWhileLatched()) {
            out.add("invariant: zero while a fault is latched; every reported fault latched");
        }
        out.add("invariant: zero on the tick after an emergency stop");
        out.add("invariant: zero on the tick a device restart shows");
        if (inv.limitNanos() != Long.MAX_VALUE) {
            out.add("invariant: never running past the limit");
        }
        return out;
    }

    /** The first violation of every invariant that broke, or null when all held. */
    public String firstViolation() {
        for (Outcome o : outcomes()) {
            if (!o.passed()) {
                return o.text();
            }
        }
        return null;
    }

    /** One invariant's record: its first violation and how many ticks broke it. */
    private static final class Check {
        private String first;
        private long count;

        void fail(Sample s, long value, String what) {
            count++;
            if (first == null) {
                first = value + " " + what + " at " + ExpectationChecker.secs(s.nanos());
            }
        }

        Outcome verdict(String what, String fine) {
            return first == null
                    ? new Outcome(true, 0, what + " (" + fine + ")")
                    : new Outcome(false, 0, what + ": " + first + (count > 1 ? " and " + (count - 1) + " more ticks" : ""));
        }
    }
}
