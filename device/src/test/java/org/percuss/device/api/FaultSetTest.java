package org.percuss.device.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultSetTest {

    @Test
    void wireBitsMapToTheProtocolsFaults() {
        FaultSet set = FaultSet.fromWire(0b0000_0100 | 0b0001_0000);
        assertThat(set.faults()).containsExactly(Fault.OVER_TEMPERATURE, Fault.STALL);
        assertThat(set.toWire()).isEqualTo(0x14);
    }

    @Test
    void unknownWireBitsAreAnInternalFaultSoTheyStillStopTheMotor() {
        FaultSet set = FaultSet.fromWire(0x0100);
        assertThat(set.isEmpty()).isFalse();
        assertThat(set.faults()).containsExactly(Fault.INTERNAL);
    }

    @Test
    void hostFaultsAreNotSentOnTheWire() {
        FaultSet set = FaultSet.of(Fault.STALE_TELEMETRY, Fault.LINK_LOST, Fault.STALL);
        assertThat(set.toWire()).isEqualTo(Fault.STALL.mask());
        assertThat(Fault.LINK_LOST.isWireFault()).isFalse();
        assertThat(Fault.COMM_TIMEOUT.isWireFault()).isTrue();
    }

    @Test
    void describesFaultsInWords() {
        assertThat(FaultSet.NONE.describe()).isEqualTo("none");
        assertThat(FaultSet.of(Fault.OVER_TEMPERATURE, Fault.EMERGENCY_STOP).describe())
                .isEqualTo("over temperature, emergency stop");
    }

    @Test
    void wireBitsAreThoseOfTheProtocol() {
        assertThat(Fault.COMM_TIMEOUT.bit()).isEqualTo(0);
        assertThat(Fault.OVER_CURRENT.bit()).isEqualTo(1);
        assertThat(Fault.OVER_TEMPERATURE.bit()).isEqualTo(2);
        assertThat(Fault.UNDER_VOLTAGE.bit()).isEqualTo(3);
        assertThat(Fault.STALL.bit()).isEqualTo(4);
        assertThat(Fault.EMERGENCY_STOP.bit()).isEqualTo(5);
        assertThat(Fault.INTERNAL.bit()).isEqualTo(6);
        assertThat(Input.EMERGENCY_STOP.bit()).isEqualTo(3);
        assertThat(Input.MOTION.bit()).isEqualTo(4);
        assertThat(Capability.MOTION_SENSOR.bit()).isEqualTo(3);
    }
}
