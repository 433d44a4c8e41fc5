package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

class EmergencyStopInputRuleTest {

    private final EmergencyStopInputRule rule = new EmergencyStopInputRule();
    private final TestContext ctx = new TestContext();

    private static Telemetry withInput(boolean pressed) {
        return new Telemetry(0, 2200, 1, 30, 16, Inputs.NONE.with(Input.EMERGENCY_STOP, pressed), FaultSet.NONE, 0);
    }

    @Test
    void anActiveInputTripsOnTheTickItIsSeenAndBlocksAClear() {
        Telemetry pressed = withInput(true);
        assertThat(rule.evaluate(pressed, 0, ctx)).isEqualTo(Verdict.trip(Fault.EMERGENCY_STOP));
        assertThat(rule.explain(Verdict.trip(Fault.EMERGENCY_STOP), pressed)).isEqualTo("the emergency-stop input is active");
        assertThat(rule.tripConditionPresent(pressed, 0, ctx)).isEqualTo("emergency stop: the emergency-stop input is still active");
    }

    @Test
    void aReleasedInputIsFine() {
        Telemetry released = withInput(false);
        assertThat(rule.evaluate(released, 0, ctx)).isEqualTo(Verdict.OK);
        assertThat(rule.tripConditionPresent(released, 0, ctx)).isNull();
    }
}
