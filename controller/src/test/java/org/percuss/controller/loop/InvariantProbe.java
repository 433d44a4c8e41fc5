package org.percuss.controller.loop;

/**
 * Checks DESIGN.md's safety invariants on every control tick, allocating nothing unless one
 * breaks: the command is 0 or inside [lowest, highest] (the zone's maximum included); every start
 * begins at the lowest level; no rise faster than the ramp allows between two ticks; nothing but
 * zero while a fault is latched; zero on the tick after an emergency-stop request; running time
 * never beyond the limit plus one tick. Keeps the first violation, with its time.
 */
final class InvariantProbe {

    private static final long TICK_NANOS = 10_000_000L;

    private final int lowestPpm;
    private final int highestPpm;
    private final int rampPpmPerSecond;
    private final long limitNanos;
    private int previous;
    private long previousNanos;
    private boolean expectZero;
    private String violation;
    private long ticks;

    InvariantProbe(int lowestPpm, int highestPpm, int rampPpmPerSecond, long limitNanos) {
        this.lowestPpm = lowestPpm;
        this.highestPpm = highestPpm;
        this.rampPpmPerSecond = rampPpmPerSecond;
        this.limitNanos = limitNanos;
    }

    /** An emergency stop was just requested: the next tick must command zero. */
    void expectZeroNextTick() {
        expectZero = true;
    }

    void tick(ControlLoop loop, long now) {
        ticks++;
        int cmd = loop.commandedPpm();
        if (cmd != 0 && (cmd < lowestPpm || cmd > highestPpm)) {
            fail(now, "commanded " + cmd + " ppm, outside " + lowestPpm + ".." + highestPpm);
        }
        if (previous == 0 && cmd != 0 && cmd != lowestPpm) {
            fail(now, "started at " + cmd + " ppm, not the lowest level " + lowestPpm);
        }
        if (previous != 0 && cmd > previous) {
            long allowed = Math.max(1, rampPpmPerSecond * (now - previousNanos) / 1_000_000_000L);
            if (cmd - previous > allowed) {
                fail(now, "rose " + (cmd - previous) + " ppm in one tick, more than " + allowed);
            }
        }
        if (loop.latchedFaultBits() != 0 && cmd != 0) {
            fail(now, "commanded " + cmd + " ppm with " + loop.latchedFaults() + " latched");
        }
        if (expectZero) {
            expectZero = false;
            if (cmd != 0 || !(loop.state() == LoopState.EMERGENCY_STOP || loop.state() == LoopState.FINISHED)) {
                fail(now, "the tick after an emergency stop commanded " + cmd + " ppm in state " + loop.state());
            }
        }
        if (loop.runningNanos() > limitNanos + TICK_NANOS) {
            fail(now, "ran " + loop.runningNanos() / 1e9 + " s, beyond the " + limitNanos / 1e9 + " s limit");
        }
        previous = cmd;
        previousNanos = now;
    }

    private void fail(long now, String what) {
        if (violation == null) {
            violation = String.format("at %.2f s: %s", now / 1e9, what);
        }
    }

    /** The first violation, or null. */
    String violation() {
        return violation;
    }

    long ticks() {
        return ticks;
    }
}
