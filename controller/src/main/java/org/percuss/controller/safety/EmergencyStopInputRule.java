package org.percuss.controller.safety;

import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.api.Telemetry;

/**
 * DESIGN.md rule 7: an active emergency-stop input stops the motor on the tick it is seen, and
 * the stop stays latched until it is cleared, which cannot happen while the input is still active.
 */
public final class EmergencyStopInputRule implements SafetyRule {

    @Override
    public Verdict evaluate(Telemetry telemetry, long nowNanos, SafetyContext context) {
        return telemetry.inputs().isActive(Input.EMERGENCY_STOP) ? Verdict.trip(Fault.EMERGENCY_STOP) : Verdict.OK;
    }

    @Override
    public String tripConditionPresent(Telemetry telemetry, long nowNanos, SafetyContext context) {
        return telemetry.inputs().isActive(Input.EMERGENCY_STOP) ? "emergency stop: the emergency-stop input is still active" : null;
    }

    @Override
    public String explain(Verdict verdict, Telemetry telemetry) {
        return "the emergency-stop input is active";
    }
}
