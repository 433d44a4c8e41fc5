package org.percuss.controller.safety;

import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Telemetry;

/**
 * Any fault the device reports is a trip (DESIGN.md rules 6–8, PROTOCOL.md "Host behaviour": the
 * host treats any set fault bit as a stop). Telemetry received before the latest clear still
 * carries the cleared faults and is ignored.
 */
public final class DeviceFaultRule implements SafetyRule {

    private static final Fault[] FAULTS = Fault.values();

    private long ignoreUntilNanos = Long.MIN_VALUE;

    @Override
    public Verdict evaluate(Telemetry telemetry, long nowNanos, SafetyContext context) {
        FaultSet faults = telemetry.faults();
        if (faults.isEmpty() || telemetry.receivedNanos() <= ignoreUntilNanos) {
            return Verdict.OK;
        }
        // An e-stop reported as a fault is still an e-stop; report it first, it explains the rest.
        if (faults.contains(Fault.EMERGENCY_STOP)) {
            return Verdict.trip(Fault.EMERGENCY_STOP);
        }
        for (Fault f : FAULTS) {
            if (faults.contains(f)) {
                return Verdict.trip(f);
            }
        }
        return Verdict.OK;
    }

    @Override
    public String explain(Verdict verdict, Telemetry telemetry) {
        return "reported by the device";
    }

    @Override
    public void reset(long nowNanos) {
        ignoreUntilNanos = nowNanos;
    }
}
