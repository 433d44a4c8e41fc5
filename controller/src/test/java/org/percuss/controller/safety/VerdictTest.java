package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.percuss.device.api.Fault;

class VerdictTest {

    @Test
    void answersAreSharedConstantsSoAnsweringAllocatesNothing() {
        assertThat(Verdict.trip(Fault.STALL)).isSameAs(Verdict.trip(Fault.STALL));
        assertThat(Verdict.tripAll(0x7F)).isSameAs(Verdict.tripAll(0x7F));
        assertThat(Verdict.derateTo(1)).isSameAs(Verdict.derateTo(1));
        // the supervisor tells a new derate from the same one by identity: every level a
        // configuration can have (at most 32) must be cached
        assertThat(Verdict.derateTo(32)).isSameAs(Verdict.derateTo(32));
        assertThat(Verdict.derateTo(33)).isEqualTo(new Verdict(Verdict.Kind.DERATE, 33, null, 0));
    }

    @Test
    void aTripOfSeveralDeviceFaultsIsExplainedByTheEmergencyStopElseTheLowestBit() {
        Verdict v = Verdict.tripAll(Fault.STALL.mask() | Fault.EMERGENCY_STOP.mask() | Fault.INTERNAL.mask());
        assertThat(v.fault()).isEqualTo(Fault.EMERGENCY_STOP);
        assertThat(v.faultMask()).isEqualTo(Fault.STALL.mask() | Fault.EMERGENCY_STOP.mask() | Fault.INTERNAL.mask());
        assertThat(Verdict.tripAll(Fault.STALL.mask() | Fault.INTERNAL.mask()).fault()).isEqualTo(Fault.STALL);
        assertThat(Verdict.tripAll(Fault.COMM_TIMEOUT.mask()).fault()).isEqualTo(Fault.COMM_TIMEOUT);
        assertThat(Verdict.trip(Fault.LINK_LOST).faultMask()).isEqualTo(Fault.LINK_LOST.mask());
    }

    @Test
    void onlyTheProtocolsFaultBitsAndRealLevelsAreAccepted() {
        assertThat(Verdict.tripAll(1).fault()).isEqualTo(Fault.COMM_TIMEOUT);
        assertThatThrownBy(() -> Verdict.tripAll(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a device's fault bits are 1..0x7F, got 0x0");
        assertThatThrownBy(() -> Verdict.tripAll(0x80)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a device's fault bits are 1..0x7F, got 0x80");
        assertThatThrownBy(() -> Verdict.derateTo(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("derate level must be at least 1, got 0");
    }
}
