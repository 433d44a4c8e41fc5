package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import java.util.EnumSet;
import org.percuss.controller.config.CurrentLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.junit.jupiter.api.Test;

class OverCurrentRuleTest {

    private final OverCurrentRule rule = new OverCurrentRule(CurrentLimits.DEFAULT);
    private final TestContext ctx = new TestContext();

    private Verdict at(long ms, double amps) {
        return rule.evaluate(telemetry(ms, 2200, amps, 30, 16), ms * TestContext.MS, ctx);
    }

    @Test
    void tripsAfterOneHundredMillisecondsAboveFourAmps() {
        assertThat(at(0, 4.01)).isEqualTo(Verdict.OK);
        assertThat(at(90, 4.5)).isEqualTo(Verdict.OK);
        assertThat(at(100, 4.5)).isEqualTo(Verdict.trip(Fault.OVER_CURRENT));
        assertThat(rule.explain(Verdict.trip(Fault.OVER_CURRENT), telemetry(100, 2200, 4.5, 30, 16)))
                .isEqualTo("current 4.50 A above the 4.0 A trip limit for 100 ms");
    }

    @Test
    void exactlyTheLimitOrABreakInTheSpanDoesNotTrip() {
        for (int ms = 0; ms <= 500; ms += 10) {
            assertThat(at(ms, 4.0)).isEqualTo(Verdict.OK);
        }
        at(600, 5);
        at(690, 5);
        at(700, 3.9); // a dip restarts the count
        assertThat(at(790, 5)).isEqualTo(Verdict.OK);
        assertThat(at(890, 5)).isEqualTo(Verdict.trip(Fault.OVER_CURRENT));
    }

    @Test
    void isOffWithoutCurrentSensing() {
        ctx.capabilities = EnumSet.of(Capability.TEMPERATURE);
        at(0, 9);
        assertThat(at(500, 9)).isEqualTo(Verdict.OK);
    }

    @Test
    void forgetsAfterAReset() {
        at(0, 5);
        rule.reset(50 * TestContext.MS);
        assertThat(at(100, 5)).isEqualTo(Verdict.OK);
    }

    @Test
    void aClearGivesTheCurrentTheFullTripTimeAgain() {
        at(0, 5);
        assertThat(at(100, 5)).isEqualTo(Verdict.trip(Fault.OVER_CURRENT));
        rule.reset(100 * TestContext.MS);
        assertThat(at(110, 5)).isEqualTo(Verdict.OK);
        assertThat(at(200, 5)).isEqualTo(Verdict.OK);
        assertThat(at(210, 5)).isEqualTo(Verdict.trip(Fault.OVER_CURRENT));
    }

    @Test
    void namesTheConditionOnlyWhileTheCurrentIsAboveTheTripLimit() {
        assertThat(rule.tripConditionPresent(telemetry(0, 2200, 4.01, 30, 16), 0, ctx))
                .isEqualTo("over current: current 4.01 A above the 4.0 A trip limit");
        assertThat(rule.tripConditionPresent(telemetry(0, 2200, 4.0, 30, 16), 0, ctx)).isNull();
        ctx.capabilities = EnumSet.of(Capability.TEMPERATURE);
        assertThat(rule.tripConditionPresent(telemetry(0, 2200, 9, 30, 16), 0, ctx)).isNull();
    }
}
