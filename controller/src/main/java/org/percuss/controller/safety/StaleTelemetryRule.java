package org.percuss.controller.safety;

import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;

/**
 * DESIGN.md rule 8: telemetry that stops coming (a cut link, a board that hangs or resets) is a
 * fault. When no new report has arrived for five telemetry periods (100 ms at the default 20 ms)
 * it trips STALE_TELEMETRY: the controller must not steer on old news.
 */
public final class StaleTelemetryRule implements SafetyRule {

    private final int periods;
    private long lastAgeNanos;

    public StaleTelemetryRule(int periods) {
        this.periods = periods;
    }

    @Override
    public Verdict evaluate(Telemetry t, long now, SafetyContext context) {
        lastAgeNanos = now - t.receivedNanos();
        return lastAgeNanos > periods * context.telemetryPeriodNanos() ? Verdict.trip(Fault.STALE_TELEMETRY) : Verdict.OK;
    }

    @Override
    public String tripConditionPresent(Telemetry t, long now, SafetyContext context) {
        long age = now - t.receivedNanos();
        return age > periods * context.telemetryPeriodNanos()
                ? "stale telemetry: no telemetry for " + age / 1_000_000 + " ms, more than " + periods + " telemetry periods"
                : null;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return "no telemetry for " + lastAgeNanos / 1_000_000 + " ms, more than " + periods + " telemetry periods";
    }
}
