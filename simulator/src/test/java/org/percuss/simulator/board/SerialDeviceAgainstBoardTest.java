package org.percuss.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.serial.SerialDevice;
import org.percuss.simulator.clock.VirtualClock;

/**
 * The host driver against the emulated board's side of the protocol, over a simulated 115200-baud
 * wire, in virtual time: the whole of PROTOCOL.md except the serial port itself (the
 * pseudo-terminal tests cover that).
 */
class SerialDeviceAgainstBoardTest {

    private final VirtualClock clock = new VirtualClock();
    private final SimulatedBoard board = SimulatedGun.create(clock).board();
    private final SimulatedWire wire = new SimulatedWire(clock, 115_200, new SplittableRandom(3));
    private final SerialDevice host = new SerialDevice("serial:memory", wire.hostEnd(), clock, Duration.ofMillis(10));

    @BeforeEach
    void connect() {
        BoardProtocol protocol = new BoardProtocol(board, wire.boardEnd());
        wire.connect(host::receive, protocol::receive);
        host.start();
        advanceUntil(() -> host.ready().isDone(), 2000);
        assertThat(host.ready()).isCompleted();
    }

    private void advanceUntil(BooleanSupplier done, long maxMillis) {
        long end = clock.nanos() + maxMillis * 1_000_000L;
        while (!done.getAsBoolean() && clock.nanos() < end) {
            clock.advance(Duration.ofMillis(1));
        }
    }

    /** Ticks as the control loop would: {@code ppm} every 10 ms for {@code millis}. */
    private void command(int ppm, long millis) {
        for (long t = 0; t < millis; t += 10) {
            host.commandSpeed(ppm);
            clock.advance(Duration.ofMillis(10));
        }
    }

    @Test
    void handshakesAndReportsTheBoardsCapabilities() {
        assertThat(host.capabilities().minPpm()).isEqualTo(1000);
        assertThat(host.capabilities().maxPpm()).isEqualTo(3500);
        assertThat(host.capabilities().watchdogMillis()).isEqualTo(250);
        assertThat(host.telemetry()).isNotNull();
    }

    @Test
    void commandsReachTheBoardAndTelemetryComesBack() {
        command(2000, 1500);
        assertThat(board.targetPpm()).isEqualTo(2000);
        assertThat(host.telemetry().measuredPpm()).isBetween(1900, 2100);
        host.stop();
        clock.advance(Duration.ofMillis(2));
        assertThat(board.targetPpm()).isZero();
    }

    @Test
    void reportsBoardFaultsAndTheEmergencyStopInputInTelemetry() {
        board.setFaultCondition(Fault.OVER_TEMPERATURE, true);
        command(0, 40);
        assertThat(host.telemetry().faults().contains(Fault.OVER_TEMPERATURE)).isTrue();
        host.requestClearFaults();
        advanceUntil(() -> host.clearStatus().settled(), 1000);
        assertThat(host.clearStatus()).isEqualTo(ClearStatus.REFUSED);
        board.setFaultCondition(Fault.OVER_TEMPERATURE, false);
        host.requestClearFaults();
        advanceUntil(() -> host.clearStatus().settled(), 1000);
        assertThat(host.clearStatus()).isEqualTo(ClearStatus.CLEARED);
        assertThat(host.telemetry().faults().isEmpty()).isTrue();
        board.setInput(Input.EMERGENCY_STOP, true);
        command(0, 40);
        assertThat(host.telemetry().inputs().isActive(Input.EMERGENCY_STOP)).isTrue();
    }

    @Test
    void theBoardsWatchdogStopsTheMotorWhenTheHostGoesSilent() {
        command(2000, 500);
        // no more commands: the board stops within watchdog_ms and latches COMM_TIMEOUT
        clock.advance(Duration.ofMillis(250 + 20 + 2));
        assertThat(host.telemetry().faults().contains(Fault.COMM_TIMEOUT)).isTrue();
        assertThat(board.targetPpm()).isZero();
    }

    @Test
    void aFaultOnTheBoardIsAStopOnTheWireBeforeTheNextTick() {
        command(2000, 500);
        board.setFaultCondition(Fault.OVER_CURRENT, true);
        clock.advance(Duration.ofMillis(25)); // no tick: the driver itself answers the report
        assertThat(board.targetPpm()).isZero();
        assertThat(host.commandSpeed(2000)).isZero();
    }

    @Test
    void aCutLinkMakesCommandsFailNamingThePort() {
        host.linkLost("the link was lost (unplugged, or the other end closed it)");
        assertThatThrownBy(() -> host.commandSpeed(1200)).isInstanceOf(DeviceException.class)
                .hasMessageContaining("serial:memory");
    }

    @Test
    void closingSendsStopAndTheBoardAcknowledgesIt() {
        command(1500, 100);
        assertThat(board.targetPpm()).isEqualTo(1500);
        host.close();
        clock.advance(Duration.ofMillis(5));
        assertThat(board.targetPpm()).isZero();
        assertThat(host.closed()).isCompleted();
    }

    @Test
    void aSessionSurvivesAFifthOfItsFramesSpoiled() {
        wire.setLossProbability(0.05);
        command(2200, 5000);
        assertThat(host.telemetry().measuredPpm()).isBetween(2100, 2300);
        assertThat(wire.corruptedWrites()).isPositive();
    }
}
