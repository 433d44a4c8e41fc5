package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import java.util.EnumSet;
import org.percuss.controller.config.SupplyLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.junit.jupiter.api.Test;

class UnderVoltageRuleTest {

    private final UnderVoltageRule rule = new UnderVoltageRule(SupplyLimits.DEFAULT);
    private final TestContext ctx = new TestContext();

    private Verdict at(long ms, double volts) {
        return rule.evaluate(telemetry(ms, 2200, 1, 30, volts), ms * TestContext.MS, ctx);
    }

    @Test
    void tripsAfterOneHundredMillisecondsUnderTwelvePointEight() {
        at(0, 12.79);
        assertThat(at(90, 12.5)).isEqualTo(Verdict.OK);
        assertThat(at(100, 12.5)).isEqualTo(Verdict.trip(Fault.UNDER_VOLTAGE));
        assertThat(rule.explain(Verdict.trip(Fault.UNDER_VOLTAGE), null))
                .isEqualTo("supply 12.50 V below the 12.8 V limit for 100 ms");
    }

    @Test
    void aSingleNoisyReadingDoesNotTrip() {
        for (int ms = 0; ms < 2000; ms += 20) {
            assertThat(at(ms, ms % 200 == 0 ? 11.0 : 14.0)).isEqualTo(Verdict.OK);
        }
        assertThat(at(2000, 12.8)).isEqualTo(Verdict.OK);
    }

    @Test
    void isOffWithoutSupplySensing() {
        ctx.capabilities = EnumSet.noneOf(Capability.class);
        at(0, 5);
        assertThat(at(500, 5)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).containsExactly("the under-voltage rule is off: the device does not measure its supply");
    }

    @Test
    void exactlyTheLimitIsNotUnderIt() {
        for (int ms = 0; ms <= 1000; ms += 10) {
            assertThat(at(ms, 12.8)).isEqualTo(Verdict.OK);
        }
        at(1010, 12.79);
        assertThat(at(1100, 12.79)).isEqualTo(Verdict.OK);
        assertThat(at(1110, 12.79)).isEqualTo(Verdict.trip(Fault.UNDER_VOLTAGE));
    }

    @Test
    void aClearGivesTheSupplyTheFullFilterTimeAgain() {
        at(0, 12.0);
        assertThat(at(100, 12.0)).isEqualTo(Verdict.trip(Fault.UNDER_VOLTAGE));
        rule.reset(100 * TestContext.MS);
        assertThat(at(110, 12.0)).isEqualTo(Verdict.OK);
        assertThat(at(200, 12.0)).isEqualTo(Verdict.OK);
        assertThat(at(210, 12.0)).isEqualTo(Verdict.trip(Fault.UNDER_VOLTAGE));
    }
}
