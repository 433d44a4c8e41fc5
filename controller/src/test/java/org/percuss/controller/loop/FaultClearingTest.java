package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.percuss.controller.safety.SafetyContext;
import org.percuss.controller.safety.SafetyRule;
import org.percuss.controller.safety.SafetySupervisor;
import org.percuss.controller.safety.Verdict;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Telemetry;

/**
 * Every way a clear can go (issue 11): refused at once (nothing latched, an emergency stop or a new
 * fault on this tick, a lost link, a condition a rule still sees), asked of the device and then
 * settled on a later tick by its answer, and the start that waits for it.
 */
class FaultClearingTest {

    private static final long NOW = 5_000_000_000L;

    private final ScriptedDevice device = new ScriptedDevice();
    /** What the one rule sees of its trip condition right now; null for nothing. */
    private String condition;
    private final SafetySupervisor supervisor = new SafetySupervisor(List.of(new SafetyRule() {
        @Override
        public Verdict evaluate(Telemetry telemetry, long nowNanos, SafetyContext context) {
            return Verdict.OK;
        }

        @Override
        public String explain(Verdict verdict, Telemetry telemetry) {
            return "";
        }

        @Override
        public String tripConditionPresent(Telemetry telemetry, long nowNanos, SafetyContext context) {
            return condition;
        }
    }));
    private final List<String> warnings = new ArrayList<>();
    private final FaultClearing clearing = new FaultClearing(device, supervisor, new SafetyContext() {
        @Override public int commandedPpm() { return 0; }
        @Override public boolean motorOn() { return false; }
        @Override public int firstLevel() { return 1; }
        @Override public int lastLevel() { return 5; }
        @Override public int ppmOf(int level) { return 1200; }
        @Override public boolean has(Capability capability) { return true; }
        @Override public String deviceFaultDetail() { return ""; }
        @Override public long telemetryPeriodNanos() { return 20_000_000L; }
        @Override public void warn(String message) { warnings.add(message); }
        @Override public void event(String message) { }
    });

    /** STALL latched before this tick, and a clear asked on it. */
    private void latchStallAndRequest() {
        supervisor.trip(Fault.STALL, "rotor blocked");
        clearing.request(device.telemetry(), NOW, supervisor.latchedBits(), false);
    }

    private void answer(ClearStatus status) {
        device.clearStatus = status;
        clearing.settle(device.telemetry(), NOW + 20_000_000L, false);
    }

    @Test
    void withNothingLatchedThereIsNothingToClearAndTheDeviceIsNotAsked() {
        clearing.request(device.telemetry(), NOW, 0, false);
        clearing.settle(device.telemetry(), NOW, false);
        assertThat(device.clearRequests).isZero();
        assertThat(clearing.pending()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCleanAnswerClearsTheLatchOnTheTickItComes() {
        latchStallAndRequest();
        assertThat(device.clearRequests).isEqualTo(1);
        assertThat(clearing.pending()).isTrue();
        answer(ClearStatus.PENDING);
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(clearing.pending()).isTrue();
        answer(ClearStatus.CLEARED);
        assertThat(supervisor.hasLatched()).isFalse();
        assertThat(clearing.pending()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void noAnswerYetKeepsWaiting() {
        latchStallAndRequest();
        answer(ClearStatus.NONE);
        assertThat(clearing.pending()).isTrue();
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void withoutAPendingClearTheDevicesAnswerIsNotEvenRead() {
        device.clearStatus = ClearStatus.CLEARED;
        supervisor.trip(Fault.STALL, "rotor blocked");
        clearing.settle(device.telemetry(), NOW, false);
        assertThat(device.clearStatusReads).isZero();
        assertThat(supervisor.hasLatched()).isTrue();
    }

    @Test
    void anEmergencyStopOnTheTickOfTheRequestRefusesIt() {
        supervisor.trip(Fault.EMERGENCY_STOP, "requested by the user");
        clearing.request(device.telemetry(), NOW, supervisor.latchedBits(), true);
        assertThat(device.clearRequests).isZero();
        assertThat(warnings).containsExactly("faults not cleared: the emergency stop was pressed on this tick");
    }

    @Test
    void aFaultLatchedOnTheTickOfTheRequestRefusesIt() {
        supervisor.trip(Fault.STALL, "rotor blocked");
        int before = supervisor.latchedBits();
        supervisor.trip(Fault.OVER_CURRENT, "too much current"); // this tick's, not yet seen by the user
        clearing.request(device.telemetry(), NOW, before, false);
        assertThat(device.clearRequests).isZero();
        assertThat(warnings).containsExactly("faults not cleared: a new one latched on this tick; clear again");
    }

    @Test
    void aLostLinkCannotBeCleared() {
        supervisor.trip(Fault.LINK_LOST, "port closed");
        clearing.request(device.telemetry(), NOW, supervisor.latchedBits(), false);
        assertThat(device.clearRequests).isZero();
        assertThat(warnings).containsExactly("cannot clear faults: the link to scripted is lost");
    }

    @Test
    void aConditionARuleStillSeesRefusesItWithoutAskingTheDevice() {
        condition = "under voltage: supply 12.00 V below the 12.8 V trip limit";
        latchStallAndRequest();
        assertThat(device.clearRequests).isZero();
        assertThat(clearing.pending()).isFalse();
        assertThat(warnings).containsExactly("faults not cleared: under voltage: supply 12.00 V below the 12.8 V trip limit");
    }

    @Test
    void aLinkThatFailsWhenAskedLatchesLinkLost() {
        device.linkFailure = "port gone";
        latchStallAndRequest();
        assertThat(supervisor.hasLatched(Fault.LINK_LOST)).isTrue();
        assertThat(clearing.pending()).isFalse();
        clearing.settle(device.telemetry(), NOW, false);
        assertThat(device.clearStatusReads).isZero();
    }

    @Test
    void aRefusalOrNoAnswerIsSaidAndTheLatchStays() {
        latchStallAndRequest();
        answer(ClearStatus.REFUSED);
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(clearing.pending()).isFalse();
        clearing.request(device.telemetry(), NOW, supervisor.latchedBits(), false);
        answer(ClearStatus.NO_ANSWER);
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(warnings).containsExactly("faults not cleared: scripted reports a fault condition still present",
                "faults not cleared: scripted did not answer the clear");
    }

    @Test
    void aClearedDeviceWhoseReportStillShowsFaultsDoesNotClearTheLatch() {
        latchStallAndRequest();
        device.report(NOW, 0, FaultSet.of(Fault.STALL, Fault.OVER_TEMPERATURE));
        answer(ClearStatus.CLEARED);
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(warnings).containsExactly("faults not cleared: scripted still reports over temperature, stall");
    }

    @Test
    void aReportOnlyOfHostFaultsIsNoFaultOfTheDevice() {
        latchStallAndRequest();
        device.report(NOW, 0, FaultSet.of(Fault.LINK_LOST));
        answer(ClearStatus.CLEARED);
        assertThat(supervisor.hasLatched()).isFalse();
    }

    @Test
    void anEmergencyStopOnTheTickTheAnswerComesKeepsTheLatch() {
        latchStallAndRequest();
        device.clearStatus = ClearStatus.CLEARED;
        clearing.settle(device.telemetry(), NOW, true);
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(warnings).containsExactly("faults not cleared: the emergency stop was pressed on this tick");
    }

    @Test
    void aFaultLatchedWhileTheClearWasUnderWayKeepsTheLatch() {
        latchStallAndRequest();
        supervisor.trip(Fault.OVER_CURRENT, "too much current");
        answer(ClearStatus.CLEARED);
        assertThat(supervisor.hasLatched(Fault.OVER_CURRENT)).isTrue();
        assertThat(warnings).containsExactly("faults not cleared: a fault tripped while the clear was under way; clear again");
    }

    /** The same fault tripping again (a second restart) voids the clear though the latch looks the same. */
    @Test
    void theSameFaultTrippingAgainWhileTheClearWasUnderWayKeepsTheLatch() {
        latchStallAndRequest();
        supervisor.trip(Fault.STALL, "rotor blocked again");
        answer(ClearStatus.CLEARED);
        assertThat(supervisor.hasLatched(Fault.STALL)).isTrue();
        assertThat(warnings).containsExactly("faults not cleared: a fault tripped while the clear was under way; clear again");
    }

    @Test
    void aConditionThatCameBackWhileTheClearWasUnderWayKeepsTheLatch() {
        latchStallAndRequest();
        condition = "over temperature: temperature 81.0 °C at or above the 80 °C trip limit";
        answer(ClearStatus.CLEARED);
        assertThat(supervisor.hasLatched()).isTrue();
        assertThat(warnings).containsExactly("faults not cleared: over temperature: temperature 81.0 °C at or above the 80 °C trip limit");
    }

    @Test
    void aStartAskedWithTheClearGoesAheadOnceAndOnlyIfItSucceeds() {
        latchStallAndRequest();
        clearing.startWhenCleared();
        answer(ClearStatus.CLEARED);
        assertThat(clearing.takeStart()).isTrue();
        assertThat(clearing.takeStart()).as("forgotten once taken").isFalse();

        latchStallAndRequest();
        clearing.startWhenCleared();
        answer(ClearStatus.REFUSED);
        assertThat(clearing.takeStart()).isFalse();
    }

    @Test
    void aStartWithoutAClearUnderWayIsNotKept() {
        clearing.startWhenCleared();
        assertThat(clearing.takeStart()).isFalse();
    }
}
