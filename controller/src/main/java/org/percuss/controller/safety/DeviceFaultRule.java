package org.percuss.controller.safety;

import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;

/**
 * Any fault the device reports is a trip (DESIGN.md rules 6–8, PROTOCOL.md "Host behaviour": the
 * host treats any set fault bit as a stop), and every bit it reports is latched and named, not only
 * the first: an e-stop followed by a cut link must show the communication timeout too (issue 11).
 * Telemetry received before the latest clear still carries the cleared faults and is ignored.
 * What the device says of the fault (a Pi rig names the sensor that stopped answering) is part of
 * the explanation.
 */
public final class DeviceFaultRule implements SafetyRule {

    private long ignoreUntilNanos = Long.MIN_VALUE;
    private String detail = "";

    @Override
    public Verdict evaluate(Telemetry telemetry, long nowNanos, SafetyContext context) {
        int bits = telemetry.faults().bits() & Fault.WIRE_MASK;
        if (bits == 0 || telemetry.receivedNanos() <= ignoreUntilNanos) {
            return Verdict.OK;
        }
        detail = context.deviceFaultDetail(); // a reference read: allocates nothing
        return Verdict.tripAll(bits);
    }

    @Override
    public String explain(Verdict verdict, Telemetry telemetry) {
        return detail.isEmpty() ? "reported by the device" : "reported by the device: " + detail;
    }

    @Override
    public void reset(long nowNanos) {
        ignoreUntilNanos = nowNanos;
    }
}
