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
}
