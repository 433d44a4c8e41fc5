package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;
import org.junit.jupiter.api.Test;

class StaleTelemetryRuleTest {

    private final StaleTelemetryRule rule = new StaleTelemetryRule(5);
    private final TestContext ctx = new TestContext();

    @Test
    void tripsWhenNoReportHasComeForFivePeriods() {
        Telemetry last = telemetry(1000, 2200, 1, 30, 16);
        assertThat(rule.evaluate(last, 1100 * TestContext.MS, ctx)).isEqualTo(Verdict.OK);
        assertThat(rule.evaluate(last, 1101 * TestContext.MS, ctx)).isEqualTo(Verdict.trip(Fault.STALE_TELEMETRY));
        assertThat(rule.explain(Verdict.trip(Fault.STALE_TELEMETRY), last))
                .isEqualTo("no telemetry for 101 ms, more than 5 telemetry periods");
    }

    @Test
    void freshReportsKeepItQuiet() {
        for (long ms = 0; ms < 10_000; ms += 20) {
            assertThat(rule.evaluate(telemetry(ms, 2200, 1, 30, 16), (ms + 19) * TestContext.MS, ctx)).isEqualTo(Verdict.OK);
        }
    }
}
