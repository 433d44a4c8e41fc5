package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import org.percuss.controller.config.StallLimits;
import org.percuss.device.api.Fault;
import org.junit.jupiter.api.Test;

class StallRuleTest {

    private final StallRule rule = new StallRule(StallLimits.DEFAULT);
    private final TestContext ctx = new TestContext();

    private Verdict at(long ms, int measured) {
        return rule.evaluate(telemetry(ms, measured, 1, 30, 16), ms * TestContext.MS, ctx);
    }

    @Test
    void tripsWhenUnderThirtyPercentOfTheCommandForHalfASecond() {
        ctx.commandedPpm = 2000;
        at(0, 599);
        assertThat(at(490, 599)).isEqualTo(Verdict.OK);
        assertThat(at(500, 599)).isEqualTo(Verdict.trip(Fault.STALL));
        assertThat(rule.explain(Verdict.trip(Fault.STALL), telemetry(500, 599, 1, 30, 16)))
                .isEqualTo("measured 599 ppm, under 30 % of the 2000 ppm commanded, for 500 ms");
    }

    @Test
    void thirtyPercentExactlyIsNotAStall() {
        ctx.commandedPpm = 2000;
        for (int ms = 0; ms <= 1000; ms += 10) {
            assertThat(at(ms, 600)).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void aStoppedMotorIsNotStalled() {
        ctx.commandedPpm = 0;
        at(0, 0);
        assertThat(at(1000, 0)).isEqualTo(Verdict.OK);
        ctx.commandedPpm = 2000;
        ctx.motorOn = false;
        assertThat(at(2000, 0)).isEqualTo(Verdict.OK);
    }

    @Test
    void aClearGivesTheRotorAFreshHalfSecond() {
        ctx.commandedPpm = 2000;
        at(0, 100);
        assertThat(at(500, 100)).isEqualTo(Verdict.trip(Fault.STALL));
        rule.reset(500 * TestContext.MS);
        assertThat(at(510, 100)).isEqualTo(Verdict.OK);
        assertThat(at(1000, 100)).isEqualTo(Verdict.OK);
        assertThat(at(1010, 100)).isEqualTo(Verdict.trip(Fault.STALL));
    }

    @Test
    void theShareIsOfTheSpeedCommandedOnThePreviousTick() {
        ctx.commandedPpm = 1200; // 30 % = 360
        at(0, 400);
        assertThat(at(1000, 400)).isEqualTo(Verdict.OK);
        ctx.commandedPpm = 3200; // 30 % = 960
        at(1010, 400);
        assertThat(at(1510, 400)).isEqualTo(Verdict.trip(Fault.STALL));
        assertThat(rule.explain(Verdict.trip(Fault.STALL), telemetry(1510, 400, 1, 30, 16)))
                .isEqualTo("measured 400 ppm, under 30 % of the 3200 ppm commanded, for 500 ms");
    }
}
