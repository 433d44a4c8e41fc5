package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import org.percuss.controller.config.CurrentLimits;
import org.junit.jupiter.api.Test;
import java.util.EnumSet;
import org.percuss.device.api.Capability;

class PressureRuleTest {

    private final PressureRule rule = new PressureRule(CurrentLimits.DEFAULT);
    private final TestContext ctx = new TestContext();

    private Verdict at(long ms, double amps) {
        return rule.evaluate(telemetry(ms, 2200, amps, 30, 16), ms * TestContext.MS, ctx);
    }

    @Test
    void derateToTheLowestLevelAfterOneSecondAboveThreeAmps() {
        at(0, 3.2);
        assertThat(at(990, 3.2)).isEqualTo(Verdict.OK);
        assertThat(at(1000, 3.2)).isEqualTo(Verdict.derateTo(1));
        assertThat(rule.explain(Verdict.derateTo(1), null)).isEqualTo("pressing too hard: current above 3.0 A for 1 s (now 3.20 A)");
    }

    @Test
    void holdsTheDerateWhileTheUserStillPressesThoughTheCurrentFalls() {
        at(0, 3.5);
        at(1000, 3.5);
        // at the lowest level the same pressure draws ~2 A: under the derate limit, still pressing
        for (int ms = 1010; ms <= 5000; ms += 10) {
            assertThat(at(ms, 2.1)).isEqualTo(Verdict.derateTo(1));
        }
    }

    @Test
    void releasesOnceTheCurrentStaysUnderHalfTheLimitForOneSecond() {
        at(0, 3.5);
        at(1000, 3.5);
        at(2000, 1.4);
        assertThat(at(2990, 1.4)).isEqualTo(Verdict.derateTo(1));
        assertThat(at(3000, 1.4)).isEqualTo(Verdict.OK);
        assertThat(rule.explain(Verdict.OK, null)).isEqualTo("pressure eased: current under 1.5 A for 1 s (now 1.40 A)");
    }

    @Test
    void onlyCountsWhileTheMotorIsMeantToTurn() {
        ctx.motorOn = false;
        at(0, 3.5);
        assertThat(at(2000, 3.5)).isEqualTo(Verdict.OK);
    }

    @Test
    void isOffWithoutCurrentSensingAndSaysSoOnce() {
        ctx.capabilities = EnumSet.noneOf(Capability.class);
        for (int ms = 0; ms <= 5000; ms += 20) {
            assertThat(at(ms, 10)).isEqualTo(Verdict.OK);
        }
        assertThat(ctx.warnings).containsExactly(
                "the pressure and over-current rules are off: the device has no current sense; do not press hard");
    }

    @Test
    void exactlyTheDerateLimitIsNotPressingTooHard() {
        for (int ms = 0; ms <= 5000; ms += 10) {
            assertThat(at(ms, 3.0)).isEqualTo(Verdict.OK);
        }
        assertThat(at(5010, 3.01)).isEqualTo(Verdict.OK);
        assertThat(at(6010, 3.01)).isEqualTo(Verdict.derateTo(1));
    }

    @Test
    void exactlyHalfTheLimitIsNotEasingOff() {
        at(0, 3.5);
        at(1000, 3.5);
        for (int ms = 1010; ms <= 5000; ms += 10) {
            assertThat(at(ms, 1.5)).isEqualTo(Verdict.derateTo(1));
        }
        at(5010, 1.49);
        assertThat(at(6000, 1.49)).isEqualTo(Verdict.derateTo(1));
        assertThat(at(6010, 1.49)).isEqualTo(Verdict.OK);
    }

    @Test
    void aStoppedMotorCountsAsEasedOffWhateverTheCurrent() {
        at(0, 3.5);
        at(1000, 3.5);
        ctx.motorOn = false; // paused: nobody is pressing a motor that does not turn
        at(1010, 2.5);
        assertThat(at(1990, 2.5)).isEqualTo(Verdict.derateTo(1));
        assertThat(at(2010, 2.5)).isEqualTo(Verdict.OK);
    }

    @Test
    void aClearForgetsTheDerateAndTheTimeAlreadyPressed() {
        at(0, 3.5);
        assertThat(at(1000, 3.5)).isEqualTo(Verdict.derateTo(1));
        rule.reset(1000 * TestContext.MS);
        // still pressing: a fresh second of it before the next derate
        assertThat(at(1010, 3.5)).isEqualTo(Verdict.OK);
        assertThat(at(2000, 3.5)).isEqualTo(Verdict.OK);
        assertThat(at(2010, 3.5)).isEqualTo(Verdict.derateTo(1));
    }
}
