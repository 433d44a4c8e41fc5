package org.percuss.controller.safety;

import java.util.Locale;
import org.percuss.controller.config.CurrentLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.Persistence;

/**
 * DESIGN.md rule 6, gentle pressure: current above the derate limit (3.0 A) for the derate time
 * (1 s) means the user presses too hard; the speed drops to the lowest level. The derate holds
 * until the user eases off: until the current has stayed under half the limit (1.5 A) for the same
 * time. Not under the limit itself: at the lowest level the same pressure draws far less current
 * (the load is partly proportional to speed), so that would release it at once, ramp back up, and
 * derate again, a cycle of a few seconds (seen in the simulator at 18 N and level 4). Off without
 * current sensing.
 */
public final class PressureRule implements SafetyRule {

    private final RequiredSensor currentSense = new RequiredSensor(Capability.CURRENT_SENSE,
            "the pressure and over-current rules are off: the device has no current sense", "do not press hard");

    /** The release threshold, as a fraction of the derate limit. */
    static final double RELEASE_FRACTION = 0.5;

    private final double derateAmps;
    private final double releaseAmps;
    private final long derateNanos;
    private final Persistence above;
    private final Persistence below;
    private boolean derating;
    private double lastAmps;

    public PressureRule(CurrentLimits limits) {
        this.derateAmps = limits.derateAmps();
        this.releaseAmps = limits.derateAmps() * RELEASE_FRACTION;
        this.derateNanos = limits.derateAfter().toNanos();
        this.above = Persistence.leaky(derateNanos);
        this.below = Persistence.leaky(derateNanos);
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        if (!currentSense.presentIn(context)) {
            return Verdict.OK;
        }
        lastAmps = t.currentAmps();
        boolean pressed = above.update(t.currentAmps() > derateAmps && context.motorOn(), now);
        boolean eased = below.update(t.currentAmps() < releaseAmps || !context.motorOn(), now);
        if (!derating && pressed) {
            derating = true;
        } else if (derating && eased) {
            derating = false;
        }
        return derating ? Verdict.derateTo(context.firstLevel()) : Verdict.OK;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return verdict.kind() == Verdict.Kind.DERATE
                ? String.format(Locale.ROOT, "pressing too hard: current above %.1f A for %d s (now %.2f A)", derateAmps,
                        derateNanos / 1_000_000_000L, lastAmps)
                : String.format(Locale.ROOT, "pressure eased: current under %.1f A for %d s (now %.2f A)", releaseAmps,
                        derateNanos / 1_000_000_000L, lastAmps);
    }

    @Override
    public void reset(long nowNanos) {
        above.reset();
        below.reset();
        derating = false;
    }
}
