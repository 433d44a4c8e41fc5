package org.percuss.device.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.Capability;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;

/** The Raspberry Pi rig on Pi4J's mock pins and a hand-advanced clock. */
class GpioDeviceTest {

    private MockRig pi;

    @AfterEach
    void close() {
        if (pi != null) {
            pi.device.close();
        }
    }

    @Test
    void opensWithTheMotorStoppedAndATelemetryReady() {
        pi = new MockRig();
        assertThat(pi.duty()).isZero();
        assertThat(pi.pwm().isOn()).isFalse();
        assertThat(pi.enable().state()).isEqualTo(DigitalState.LOW);
        assertThat(pi.device.telemetry()).isNotNull();
        assertThat(pi.device.telemetry().faults().isEmpty()).isTrue();
        assertThat(pi.device.capabilities().minPpm()).isEqualTo(1000);
        assertThat(pi.device.capabilities().maxPpm()).isEqualTo(3400);
        assertThat(pi.device.capabilities().features()).containsExactly(Capability.BUTTONS);
        assertThat(pi.device.capabilities().watchdogMillis()).isEqualTo(250);
        assertThat(pi.device.capabilities().telemetryPeriodMillis()).isEqualTo(20);
        assertThat(pi.pwm().frequency()).isEqualTo(20_000);
    }

    @Test
    void aStartEnablesTheDriverAndPutsOutTheFeedforwardDutyAtOnce() {
        pi = new MockRig();
        pi.device.commandSpeed(1200);
        // 1200 of 3600 ppm at full duty: a third
        assertThat(pi.duty()).isEqualTo(33);
        assertThat(pi.enable().state()).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void theTachometerReportsTheSpeedAndTheRegulatorHoldsItUnderLoad() {
        pi = new MockRig();
        pi.load = 0.8; // pressed against a muscle: 80 % of the unloaded speed at any duty
        pi.run(2200, 4000);
        int measured = pi.device.telemetry().measuredPpm();
        assertThat(measured).isBetween(2150, 2250);
        assertThat(pi.speedPpm()).isBetween(2150.0, 2250.0);
        // the feedforward alone (61 %) would give 0.8 * 3600 * 0.61 = 1757 ppm; the PI made it up
        assertThat(pi.duty()).isGreaterThan(70);
    }

    @Test
    void aDecreaseAndAStopAreImmediate() {
        pi = new MockRig();
        pi.run(3000, 2000);
        int high = pi.duty();
        pi.device.commandSpeed(1200);
        assertThat(pi.duty()).isLessThan(high - 30);
        pi.device.commandSpeed(0);
        assertThat(pi.duty()).isZero();
        assertThat(pi.pwm().isOn()).isFalse();
        assertThat(pi.enable().state()).isEqualTo(DigitalState.LOW);
    }

    @Test
    void theEmergencyStopInputCutsTheMotorOnItsEdgeAndLatchesUntilReleasedAndCleared() {
        pi = new MockRig();
        pi.run(2200, 1000);
        assertThat(pi.duty()).isPositive();
        pi.pressEstop(true);
        // no sample, no tick: the edge itself stopped it
        assertThat(pi.duty()).isZero();
        assertThat(pi.enable().state()).isEqualTo(DigitalState.LOW);
        pi.advance(20);
        assertThat(pi.device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
        assertThat(pi.device.telemetry().inputs().isActive(Input.EMERGENCY_STOP)).isTrue();
        assertThat(pi.device.commandSpeed(1200)).as("refused, and says so").isZero();
        assertThat(pi.duty()).isZero();
        assertThat(pi.device.refusals()).isEqualTo(1);
        pi.device.requestClearFaults();
        assertThat(pi.device.clearStatus()).isEqualTo(ClearStatus.REFUSED);
        pi.pressEstop(false);
        pi.advance(20);
        assertThat(pi.device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
        pi.device.requestClearFaults();
        assertThat(pi.device.clearStatus()).as("until a sample shows it").isEqualTo(ClearStatus.PENDING);
        pi.advance(20);
        assertThat(pi.device.clearStatus()).isEqualTo(ClearStatus.CLEARED);
        assertThat(pi.device.telemetry().faults().isEmpty()).isTrue();
        pi.device.commandSpeed(1200);
        assertThat(pi.duty()).isEqualTo(33);
    }

    @Test
    void anActiveLowEmergencyStopWorksTheOtherWayRound() {
        GpioRig d = GpioRig.DEFAULT;
        pi = new MockRig(new GpioRig(d.pwmChannel(), d.pwmFrequencyHz(), d.tachPin(), d.tachPulsesPerRevolution(),
                d.fullDutyPpm(), d.minPpm(), d.maxPpm(), d.enablePin(), d.heartbeatPin(), d.emergencyStopPin(), false,
                d.powerButtonPin(), d.plusButtonPin(), d.minusButtonPin(), d.watchdogMillis(), d.samplePeriodMillis()));
        pi.run(1200, 500);
        assertThat(pi.duty()).isPositive();
        pi.estop().mockState(DigitalState.LOW);
        assertThat(pi.duty()).isZero();
        pi.advance(20);
        assertThat(pi.device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
    }

    @Test
    void aSilentControlLoopTripsTheWatchdogAndStopsTheHeartbeat() {
        pi = new MockRig();
        List<DigitalState> beats = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pi.run(2200, 10);
            beats.add(pi.heartbeat().state());
        }
        assertThat(beats).contains(DigitalState.HIGH, DigitalState.LOW);
        pi.advance(240);
        assertThat(pi.duty()).isPositive(); // 240 ms without a command: still within the 250 ms
        pi.advance(40);
        assertThat(pi.duty()).isZero();
        assertThat(pi.enable().state()).isEqualTo(DigitalState.LOW);
        assertThat(pi.device.telemetry().faults().contains(Fault.COMM_TIMEOUT)).isTrue();
        DigitalState last = pi.heartbeat().state();
        for (int i = 0; i < 10; i++) {
            pi.advance(20);
            assertThat(pi.heartbeat().state()).isEqualTo(last);
        }
    }

    @Test
    void aSpeedOutsideTheRigsRangeIsRefusedAndTheMotorStopped() {
        pi = new MockRig();
        pi.run(2200, 500);
        pi.device.commandSpeed(3500);
        assertThat(pi.duty()).isZero();
        assertThat(pi.device.refusals()).isEqualTo(1);
        pi.device.commandSpeed(900);
        assertThat(pi.duty()).isZero();
        assertThat(pi.device.refusals()).isEqualTo(2);
    }

    @Test
    void buttonsToGroundReadAsHeld() {
        pi = new MockRig();
        pi.button(GpioRig.DEFAULT.plusButtonPin()).mockState(DigitalState.LOW);
        pi.advance(20);
        assertThat(pi.device.telemetry().inputs().isActive(Input.PLUS_BUTTON)).isTrue();
        assertThat(pi.device.telemetry().inputs().isActive(Input.POWER_BUTTON)).isFalse();
        pi.button(GpioRig.DEFAULT.plusButtonPin()).mockState(DigitalState.HIGH);
        pi.advance(20);
        assertThat(pi.device.telemetry().inputs().isActive(Input.PLUS_BUTTON)).isFalse();
    }

    @Test
    void aCutTachometerWireReadsAsStoppedSoTheControllersStallRuleCanTrip() {
        pi = new MockRig();
        pi.run(2200, 2000);
        assertThat(pi.device.telemetry().measuredPpm()).isGreaterThan(2000);
        pi.tachConnected = false;
        pi.run(2200, 700);
        assertThat(pi.device.telemetry().measuredPpm()).isZero();
        // the regulator, seeing no speed, went to full duty but no further than its trim allows
        assertThat(pi.duty()).isLessThanOrEqualTo(100);
    }

    @Test
    void closeStopsTheMotorAndRefusesFurtherCommands() {
        pi = new MockRig();
        pi.run(2200, 500);
        var pwm = pi.pwm();
        var enable = pi.enable();
        pi.device.close();
        assertThat(pwm.isOn()).isFalse();
        assertThat(enable.state()).isEqualTo(DigitalState.LOW);
        assertThatThrownBy(() -> pi.device.commandSpeed(1200)).isInstanceOf(DeviceException.class)
                .hasMessageContaining("closed");
        pi.device.close(); // idempotent
        pi.device.stop(); // and stop never throws
        pi.device.sample(); // a sample racing close() leaves the released pins alone
        assertThat(pwm.isOn()).isFalse();
    }
}
