package org.percuss.controller.safety;

import java.util.Locale;
import org.percuss.controller.config.StallLimits;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.Persistence;

/**
 * DESIGN.md rule 6: a stalled rotor is a fault. While the motor is meant to turn and a speed was
 * commanded, a measured speed below 30 % of the command for 500 ms trips STALL: the rotor is
 * blocked, or the tachometer is gone (and then the board's regulator is blind). A healthy start
 * passes 30 % within a few tens of milliseconds.
 */
public final class StallRule implements SafetyRule {

    private final double fraction;
    private final long afterNanos;
    private final Persistence slow;
    private int lastCommanded;

    public StallRule(StallLimits limits) {
        this.fraction = limits.fraction();
        this.afterNanos = limits.after().toNanos();
        this.slow = Persistence.leaky(afterNanos);
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        int commanded = context.commandedPpm();
        lastCommanded = commanded;
        return slow.update(context.motorOn() && commanded > 0 && t.measuredPpm() < fraction * commanded, now)
                ? Verdict.trip(Fault.STALL) : Verdict.OK;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return String.format(Locale.ROOT, "measured %d ppm, under %.0f %% of the %d ppm commanded, for %d ms",
                t.measuredPpm(), fraction * 100, lastCommanded, afterNanos / 1_000_000);
    }

    @Override
    public void reset(long nowNanos) {
        slow.reset();
    }
}
