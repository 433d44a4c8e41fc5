package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

class DeviceFaultRuleTest {

    private static final long MS = TestContext.MS;
    private final DeviceFaultRule rule = new DeviceFaultRule();
    private final TestContext ctx = new TestContext();

    private Verdict report(long receivedMs, FaultSet faults) {
        return rule.evaluate(new Telemetry(receivedMs * MS, 0, 0, 30, 16, Inputs.NONE, faults, receivedMs),
                receivedMs * MS, ctx);
    }

    @Test
    void aReportWithoutFaultsIsFine() {
        assertThat(report(0, FaultSet.NONE)).isEqualTo(Verdict.OK);
    }

    @Test
    void everyFaultBitTheDeviceReportsIsATrip() {
        Verdict v = report(0, FaultSet.of(Fault.OVER_CURRENT, Fault.STALL));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.TRIP);
        assertThat(v.faultMask()).isEqualTo(Fault.OVER_CURRENT.mask() | Fault.STALL.mask());
        assertThat(v.fault()).as("the lowest bit explains the others").isEqualTo(Fault.OVER_CURRENT);
        assertThat(rule.explain(v, null)).isEqualTo("reported by the device");
    }

    @Test
    void faultsOnlyTheHostLatchesAreNotTheDevicesToReport() {
        // bits above the protocol's seven are the host's own (stale telemetry, link lost, restart)
        assertThat(report(0, FaultSet.of(Fault.LINK_LOST, Fault.STALE_TELEMETRY))).isEqualTo(Verdict.OK);
        assertThat(report(10, FaultSet.of(Fault.LINK_LOST, Fault.INTERNAL))).isEqualTo(Verdict.trip(Fault.INTERNAL));
    }

    @Test
    void afterAClearReportsReceivedUpToThatMomentStillCarryTheClearedFaultsAndAreIgnored() {
        FaultSet hot = FaultSet.of(Fault.OVER_TEMPERATURE);
        assertThat(report(100, hot)).isEqualTo(Verdict.trip(Fault.OVER_TEMPERATURE));
        rule.reset(100 * MS);
        assertThat(report(100, hot)).as("received at the clear").isEqualTo(Verdict.OK);
        Telemetry oneNanoLater = new Telemetry(100 * MS + 1, 0, 0, 30, 16, Inputs.NONE, hot, 100);
        assertThat(rule.evaluate(oneNanoLater, 110 * MS, ctx)).isEqualTo(Verdict.trip(Fault.OVER_TEMPERATURE));
    }
}
