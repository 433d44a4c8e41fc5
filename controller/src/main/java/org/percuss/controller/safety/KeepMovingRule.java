package org.percuss.controller.safety;

import org.percuss.controller.config.DwellLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Input;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.Persistence;

/**
 * DESIGN.md rule 5, keep it moving: with a motion sensor, a gun held still on one spot while the
 * motor runs is warned after 10 s and dropped to the lowest level after 20 s, until it moves again
 * (then the timer starts afresh). Without a motion sensor the rule is off, and says so once.
 */
public final class KeepMovingRule implements SafetyRule {

    private final long warnNanos;
    private final long derateNanos;
    private final Persistence still;
    private boolean warned;
    private final RequiredSensor motionSensor = new RequiredSensor(Capability.MOTION_SENSOR,
            "keep-it-moving is off: the device has no motion sensor", "keep the gun moving yourself");

    public KeepMovingRule(DwellLimits limits) {
        this.warnNanos = limits.warnAfter().toNanos();
        this.derateNanos = limits.derateAfter().toNanos();
        this.still = Persistence.resetting(Math.max(warnNanos, derateNanos));
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        if (!motionSensor.presentIn(context)) {
            return Verdict.OK;
        }
        boolean heldStill = context.motorOn() && !t.inputs().isActive(Input.MOTION);
        still.update(heldStill, now);
        long held = still.held();
        if (!heldStill) {
            warned = false;
            return Verdict.OK;
        }
        if (!warned && held >= warnNanos) {
            warned = true;
            context.warn("held still for " + warnNanos / 1_000_000_000L + " s: keep the gun moving (lowest level after "
                    + derateNanos / 1_000_000_000L + " s)");
        }
        return held >= derateNanos ? Verdict.derateTo(context.firstLevel()) : Verdict.OK;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return verdict.kind() == Verdict.Kind.DERATE
                ? "held still for " + derateNanos / 1_000_000_000L + " s"
                : "moving again";
    }

    @Override
    public void reset(long nowNanos) {
        still.reset();
        warned = false;
    }
}
