package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import java.util.EnumSet;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.device.api.Capability;
import org.percuss.device.api.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThermalRuleTest {

    private final TestContext ctx = new TestContext();

    private static Verdict at(ThermalRule rule, TestContext ctx, double celsius) {
        return rule.evaluate(telemetry(0, 2200, 1, celsius, 16), 0, ctx);
    }

    /**
     * allowed(T) = 3200 − 2000 · (T − 60) / 15; the level is the highest at or under it.
     * 61 °C: 3067 → level 4 (2700). 63.75: 2700 → 4. 65: 2533 → 3. 67.5: 2200 → 3. 70: 1867 → 2.
     * 72.5: 1533 → 1. 75 and on: 1200 → 1.
     */
    @ParameterizedTest
    @CsvSource({"59.9,0", "60,0", "61,4", "63.75,4", "65,3", "67.5,3", "70,2", "72.5,1", "75,1", "79.9,1"})
    void deratesLinearlyFromSixtyToTheLowestLevelAtSeventyFive(double celsius, int level) {
        Verdict v = at(new ThermalRule(ThermalLimits.DEFAULT), ctx, celsius);
        assertThat(v).isEqualTo(level == 0 ? Verdict.OK : Verdict.derateTo(level));
    }

    @Test
    void tripsAtEighty() {
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 80.0)).isEqualTo(Verdict.trip(Fault.OVER_TEMPERATURE));
        assertThat(rule.explain(Verdict.trip(Fault.OVER_TEMPERATURE), null))
                .isEqualTo("temperature 80.0 °C at or above the 80 °C trip limit");
    }

    @Test
    void tightensAtOnceButRelaxesOnlyOneDegreeBelowTheStep() {
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 70.0)).isEqualTo(Verdict.derateTo(2)); // 1867 allowed
        // level 3 (2200) is allowed again under 67.5 °C; relaxing waits for 66.5 °C
        assertThat(at(rule, ctx, 67.4)).isEqualTo(Verdict.derateTo(2));
        assertThat(at(rule, ctx, 66.6)).isEqualTo(Verdict.derateTo(2));
        assertThat(at(rule, ctx, 66.4)).isEqualTo(Verdict.derateTo(3));
        assertThat(at(rule, ctx, 67.0)).as("2267 allowed: level 3 holds").isEqualTo(Verdict.derateTo(3));
        assertThat(at(rule, ctx, 69.0)).as("2000 allowed: tighten at once").isEqualTo(Verdict.derateTo(2));
        assertThat(at(rule, ctx, 58.0)).isEqualTo(Verdict.OK);
    }

    @Test
    void isOffWithoutATemperatureSensor() {
        ctx.capabilities = EnumSet.of(Capability.CURRENT_SENSE);
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 95)).isEqualTo(Verdict.OK);
        assertThat(at(rule, ctx, 95)).isEqualTo(Verdict.OK);
        assertThat(ctx.warnings).containsExactly(
                "the temperature rule is off: the device has no temperature sensor; stop if the gun gets hot");
    }

    @Test
    void exactlyTheTripLimitTripsAndJustUnderItDerates() {
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 79.99)).isEqualTo(Verdict.derateTo(1));
        assertThat(at(rule, ctx, 80.0)).isEqualTo(Verdict.trip(Fault.OVER_TEMPERATURE));
        assertThat(rule.tripConditionPresent(telemetry(0, 0, 0, 80.0, 16), 0, ctx))
                .isEqualTo("over temperature: temperature 80.0 °C at or above the 80 °C trip limit");
        assertThat(rule.tripConditionPresent(telemetry(0, 0, 0, 79.99, 16), 0, ctx)).isNull();
    }

    @Test
    void aClearForgetsTheLevelItHeldSoHysteresisStartsAfresh() {
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 70.0)).isEqualTo(Verdict.derateTo(2));
        rule.reset(0);
        // without a held level the rule derates to what 67.4 °C allows, without the 1 °C margin
        assertThat(at(rule, ctx, 67.4)).isEqualTo(Verdict.derateTo(3));
    }

    @Test
    void relaxesAsItCoolsOnlyOnceItIsOneDegreePastAStep() {
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 74.0)).isEqualTo(Verdict.derateTo(1));
        // 72.5 °C allows level 1 only; level 2 (1700) is allowed under 71.25 °C, so from 70.25 °C
        assertThat(at(rule, ctx, 70.3)).isEqualTo(Verdict.derateTo(1));
        assertThat(at(rule, ctx, 70.2)).isEqualTo(Verdict.derateTo(2));
        // level 4 (2700) is allowed under 63.75 °C; from 62.75 °C with the margin, and no further
        assertThat(at(rule, ctx, 62.8)).isEqualTo(Verdict.derateTo(3));
        assertThat(at(rule, ctx, 62.7)).isEqualTo(Verdict.derateTo(4));
        // level 5 is allowed only at or under 60 °C; with the margin, at or under 59 °C
        assertThat(at(rule, ctx, 59.5)).isEqualTo(Verdict.derateTo(4));
        assertThat(at(rule, ctx, 59.0)).isEqualTo(Verdict.OK);
    }

    @Test
    void theMapFollowsTheConfiguredTemperaturesAndLevels() {
        ThermalRule rule = new ThermalRule(new ThermalLimits(40, 50, 55));
        // allowed(T) = 3200 − 2000 · (T − 40) / 10: 45 °C → 2200 (level 3), 48 °C → 1600 (level 1)
        assertThat(at(rule, ctx, 45.0)).isEqualTo(Verdict.derateTo(3));
        assertThat(at(rule, ctx, 48.0)).isEqualTo(Verdict.derateTo(1));
        assertThat(at(rule, ctx, 55.0)).isEqualTo(Verdict.trip(Fault.OVER_TEMPERATURE));
    }

    @Test
    void explainsEachAnswerWithTheTemperatureAndTheLimits() {
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        at(rule, ctx, 70.04);
        assertThat(rule.explain(Verdict.derateTo(2), null)).isEqualTo("temperature 70.0 °C above 60 °C (lowest level from 75 °C)");
        at(rule, ctx, 55.0);
        assertThat(rule.explain(Verdict.OK, null)).isEqualTo("temperature 55.0 °C back under 60 °C");
    }

    @Test
    void relaxingNeverTightensEvenWithLevelsCloserThanTheMargin() {
        // levels 2 (1700) and 3 (1750) are 0.375 °C apart: 1700 is allowed up to 71.25 °C, 1750 up to 70.875 °C
        ctx.ppm = new int[] {1200, 1700, 1750, 2700, 3200};
        ThermalRule rule = new ThermalRule(ThermalLimits.DEFAULT);
        assertThat(at(rule, ctx, 71.0)).isEqualTo(Verdict.derateTo(2));
        // 70.5 °C allows level 3, but not 1 °C warmer: level 2 holds (and 71.5 °C's level 1 is no relaxing)
        assertThat(at(rule, ctx, 70.5)).isEqualTo(Verdict.derateTo(2));
    }
}
