package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.percuss.controller.config.DwellLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;
import org.junit.jupiter.api.Test;

class KeepMovingRuleTest {

    private final KeepMovingRule rule = new KeepMovingRule(DwellLimits.DEFAULT);
    private final TestContext ctx = new TestContext();

    private Verdict at(long ms, boolean moving) {
        Telemetry t = new Telemetry(ms * TestContext.MS, 2200, 1, 30, 16, Inputs.NONE.with(Input.MOTION, moving),
                FaultSet.NONE, ms);
        return rule.evaluate(t, ms * TestContext.MS, ctx);
    }

    @Test
    void warnsAfterTenSecondsStillAndDeratesAfterTwenty() {
        assertThat(at(0, false)).isEqualTo(Verdict.OK);
        at(9990, false);
        assertThat(ctx.warnings).isEmpty();
        at(10_000, false);
        assertThat(ctx.warnings).containsExactly("held still for 10 s: keep the gun moving (lowest level after 20 s)");
        assertThat(at(19_990, false)).isEqualTo(Verdict.OK);
        assertThat(at(20_000, false)).isEqualTo(Verdict.derateTo(1));
        assertThat(ctx.warnings).hasSize(1);
    }

    @Test
    void movingAgainEndsTheDerateAndStartsTheCountAfresh() {
        at(0, false);
        at(20_000, false);
        assertThat(at(20_010, true)).isEqualTo(Verdict.OK);
        at(20_020, false);
        assertThat(at(40_010, false)).isEqualTo(Verdict.OK);
        assertThat(at(40_020, false)).isEqualTo(Verdict.derateTo(1));
        assertThat(ctx.warnings).hasSize(2);
    }

    @Test
    void aPausedGunIsNotHeldStill() {
        ctx.motorOn = false;
        at(0, false);
        assertThat(at(60_000, false)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).isEmpty();
    }

    @Test
    void withoutAMotionSensorItIsOffAndSaysSoOnce() {
        ctx.capabilities = EnumSet.of(Capability.CURRENT_SENSE);
        at(0, false);
        assertThat(at(60_000, false)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).containsExactly(
                "keep-it-moving is off: the device has no motion sensor; keep the gun moving yourself");
    }

    @Test
    void aClearStartsTheCountAndTheWarningAfresh() {
        at(0, false);
        at(15_000, false);
        assertThat(ctx.warnings).hasSize(1);
        rule.reset(15_000 * TestContext.MS);
        at(15_010, false);
        assertThat(at(25_000, false)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).hasSize(1);
        at(25_010, false);
        assertThat(ctx.warnings).hasSize(2);
        assertThat(at(35_000, false)).isEqualTo(Verdict.OK);
        assertThat(at(35_010, false)).isEqualTo(Verdict.derateTo(1));
    }

    @Test
    void explainsTheDerateAndItsEndInWords() {
        assertThat(rule.explain(Verdict.derateTo(1), null)).isEqualTo("held still for 20 s");
        assertThat(rule.explain(Verdict.OK, null)).isEqualTo("moving again");
    }

    @Test
    void theWarningAndTheDerateFollowTheConfiguredTimes() {
        KeepMovingRule quick = new KeepMovingRule(new DwellLimits(java.time.Duration.ofSeconds(3),
                java.time.Duration.ofSeconds(5)));
        Telemetry still = new Telemetry(0, 2200, 1, 30, 16, Inputs.NONE, FaultSet.NONE, 0);
        quick.evaluate(still, 0, ctx);
        assertThat(quick.evaluate(still, 2_990 * TestContext.MS, ctx)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).isEmpty();
        assertThat(quick.evaluate(still, 3_000 * TestContext.MS, ctx)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).containsExactly("held still for 3 s: keep the gun moving (lowest level after 5 s)");
        assertThat(quick.evaluate(still, 5_000 * TestContext.MS, ctx)).isEqualTo(Verdict.derateTo(1));
        assertThat(quick.explain(Verdict.derateTo(1), still)).isEqualTo("held still for 5 s");
    }
}
