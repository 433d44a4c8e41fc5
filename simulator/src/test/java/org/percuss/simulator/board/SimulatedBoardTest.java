package org.percuss.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.CommandOutcome;
import org.percuss.simulator.clock.VirtualClock;

class SimulatedBoardTest {

    private final VirtualClock clock = new VirtualClock();
    private final SimulatedDevice device = (SimulatedDevice) SimulatedGun.create(clock).device();
    private final SimulatedBoard board = device.board();

    @Test
    void reportsTelemetryFromPowerUpEveryPeriod() {
        List<Telemetry> reports = new ArrayList<>();
        board.onTelemetry(reports::add);
        assertThat(device.telemetry()).isNotNull();
        clock.advance(Duration.ofMillis(100));
        assertThat(reports).extracting(Telemetry::uptimeMillis).containsExactly(20L, 40L, 60L, 80L, 100L);
    }

    @Test
    void refusesSpeedsOutsideItsRange() {
        assertThat(board.setSpeed(999)).isEqualTo(CommandOutcome.OUT_OF_RANGE);
        assertThat(board.setSpeed(3501)).isEqualTo(CommandOutcome.OUT_OF_RANGE);
        assertThat(board.setSpeed(1000)).isEqualTo(CommandOutcome.ACCEPTED);
        assertThat(board.setSpeed(0)).isEqualTo(CommandOutcome.ACCEPTED);
    }

    @Test
    void theMotorFollowsTheCommand() {
        device.commandSpeed(2200);
        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofMillis(10));
            device.commandSpeed(2200);
        }
        assertThat(device.telemetry().measuredPpm()).isBetween(2190, 2210);
        assertThat(device.telemetry().currentAmps()).isPositive();
    }

    @Test
    void aLatchedFaultStopsTheMotorAndRefusesSpeedUntilCleared() {
        device.commandSpeed(2000);
        board.latchFault(Fault.OVER_TEMPERATURE);
        assertThat(board.targetPpm()).isZero();
        assertThat(board.setSpeed(2000)).isEqualTo(CommandOutcome.FAULT_ACTIVE);
        clock.advance(Duration.ofMillis(20));
        assertThat(device.telemetry().faults().contains(Fault.OVER_TEMPERATURE)).isTrue();
        device.requestClearFaults();
        assertThat(device.clearStatus()).as("the report in hand still shows the fault").isEqualTo(ClearStatus.PENDING);
        clock.advance(Duration.ofMillis(20));
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.CLEARED);
        assertThat(device.telemetry().faults().isEmpty()).isTrue();
        assertThat(board.setSpeed(2000)).isEqualTo(CommandOutcome.ACCEPTED);
    }

    @Test
    void aClearAnsweredWhileAReportIsStillInFlightWaitsForOneMeasuredAfterIt() {
        // issue 11 item 8: with delayed bytes, the report in flight still carries the cleared fault
        device.setDelay(Duration.ofMillis(50));
        board.latchFault(Fault.EMERGENCY_STOP);
        clock.advance(Duration.ofMillis(100));
        device.requestClearFaults();
        clock.advance(Duration.ofMillis(40));
        assertThat(device.telemetry().faults().contains(Fault.EMERGENCY_STOP)).isTrue();
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.PENDING);
        clock.advance(Duration.ofMillis(40));
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.CLEARED);
        assertThat(device.telemetry().faults().isEmpty()).isTrue();
    }

    @Test
    void aClearLostOnTheWayIsNoAnswerAfterHalfASecond() {
        device.setDropped(true);
        device.requestClearFaults();
        clock.advance(Duration.ofMillis(499));
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.PENDING);
        clock.advance(Duration.ofMillis(1));
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.NO_ANSWER);
    }

    @Test
    void aClearWhileTheConditionIsPresentIsRefused() {
        board.setFaultCondition(Fault.OVER_TEMPERATURE, true);
        device.requestClearFaults();
        assertThat(device.clearStatus()).isEqualTo(ClearStatus.REFUSED);
    }

    @Test
    void clearingFailsWhileTheConditionIsPresent() {
        board.setFaultCondition(Fault.UNDER_VOLTAGE, true);
        assertThat(board.clearFaults()).isFalse();
        board.setFaultCondition(Fault.UNDER_VOLTAGE, false);
        assertThat(board.latchedFaults().contains(Fault.UNDER_VOLTAGE)).isTrue();
        assertThat(board.clearFaults()).isTrue();
        assertThat(board.latchedFaults().isEmpty()).isTrue();
    }

    @Test
    void theEmergencyStopInputLatchesTheEmergencyStopFault() {
        device.commandSpeed(1500);
        board.setInput(Input.EMERGENCY_STOP, true);
        assertThat(board.targetPpm()).isZero();
        assertThat(board.clearFaults()).isFalse();
        board.setInput(Input.EMERGENCY_STOP, false);
        assertThat(board.clearFaults()).isTrue();
    }

    @Test
    void theWatchdogStopsTheMotorWhenTheHostFallsSilent() {
        device.commandSpeed(2000);
        clock.advance(Duration.ofMillis(249));
        assertThat(board.targetPpm()).isEqualTo(2000);
        clock.advance(Duration.ofMillis(1));
        assertThat(board.targetPpm()).isZero();
        assertThat(board.latchedFaults().contains(Fault.COMM_TIMEOUT)).isTrue();
    }

    @Test
    void hostOnlyFaultsCannotBeInjectedIntoABoard() {
        assertThatThrownBy(() -> board.latchFault(Fault.LINK_LOST)).hasMessageContaining("host");
    }

    @Test
    void aClosedDeviceRefusesCommandsAndTheMotorStops() {
        device.commandSpeed(2000);
        device.close();
        assertThat(board.targetPpm()).isZero();
        assertThatThrownBy(() -> device.commandSpeed(2000)).isInstanceOf(DeviceException.class);
    }
}
