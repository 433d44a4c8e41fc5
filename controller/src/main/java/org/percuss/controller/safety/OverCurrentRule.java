package org.percuss.controller.safety;

import java.util.Locale;
import org.percuss.controller.config.CurrentLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.Persistence;

/**
 * DESIGN.md rule 6: current above the trip limit (4.0 A) for the trip time (100 ms) trips
 * OVER_CURRENT. A moment's spike (the motor braking to a lower level) is shorter than that. Off
 * without current sensing.
 */
public final class OverCurrentRule implements SafetyRule {

    private final double tripAmps;
    private final long tripNanos;
    private final Persistence above;

    public OverCurrentRule(CurrentLimits limits) {
        this.tripAmps = limits.tripAmps();
        this.tripNanos = limits.tripAfter().toNanos();
        this.above = Persistence.leaky(tripNanos);
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        if (!context.has(Capability.CURRENT_SENSE)) {
            return Verdict.OK;
        }
        return above.update(t.currentAmps() > tripAmps, now) ? Verdict.trip(Fault.OVER_CURRENT) : Verdict.OK;
    }

    @Override
    public String tripConditionPresent(Telemetry t, long now, SafetyContext context) {
        return context.has(Capability.CURRENT_SENSE) && t.currentAmps() > tripAmps
                ? String.format(Locale.ROOT, "over current: current %.2f A above the %.1f A trip limit", t.currentAmps(), tripAmps)
                : null;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return String.format(Locale.ROOT, "current %.2f A above the %.1f A trip limit for %d ms", t.currentAmps(), tripAmps,
                tripNanos / 1_000_000);
    }

    @Override
    public void reset(long nowNanos) {
        above.reset();
    }
}
