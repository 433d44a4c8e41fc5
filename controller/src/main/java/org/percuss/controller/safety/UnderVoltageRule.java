package org.percuss.controller.safety;

import java.util.Locale;
import org.percuss.controller.config.SupplyLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.Persistence;

/**
 * DESIGN.md rule 8: a supply below 12.8 V (3.2 V a cell) trips UNDER_VOLTAGE, protecting the pack
 * from deep discharge and the driver from running out of headroom. It must stay below for 100 ms
 * (five telemetry reports): one noisy reading cannot trip it, a real sag under load does. Off
 * without supply sensing.
 */
public final class UnderVoltageRule implements SafetyRule {

    private final RequiredSensor supplySense = new RequiredSensor(Capability.SUPPLY_VOLTAGE,
            "the under-voltage rule is off: the device does not measure its supply", "");

    /** How long the supply must stay under the limit. */
    static final long FILTER_NANOS = 100_000_000L;

    private final double tripVolts;
    private final Persistence low = Persistence.leaky(FILTER_NANOS);
    private double lastVolts;

    public UnderVoltageRule(SupplyLimits limits) {
        this.tripVolts = limits.tripVolts();
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        if (!supplySense.presentIn(context)) {
            return Verdict.OK;
        }
        lastVolts = t.supplyVolts();
        return low.update(t.supplyVolts() < tripVolts, now) ? Verdict.trip(Fault.UNDER_VOLTAGE) : Verdict.OK;
    }

    @Override
    public String tripConditionPresent(Telemetry t, long now, SafetyContext context) {
        return context.has(Capability.SUPPLY_VOLTAGE) && t.supplyVolts() < tripVolts
                ? String.format(Locale.ROOT, "under voltage: supply %.2f V below the %.1f V trip limit", t.supplyVolts(), tripVolts)
                : null;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return String.format(Locale.ROOT, "supply %.2f V below the %.1f V limit for %d ms", lastVolts, tripVolts,
                FILTER_NANOS / 1_000_000);
    }

    @Override
    public void reset(long nowNanos) {
        low.reset();
    }
}
