package org.percuss.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.serial.InMemoryLink;
import org.percuss.device.serial.SerialDevice;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.clock.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host driver against the emulated board, in real time over an in-memory link: the whole of
 * PROTOCOL.md except the serial port itself (the pseudo-terminal tests cover that).
 */
class SerialDeviceAgainstBoardTest {

    private final InMemoryLink[] link = InMemoryLink.pair("serial:memory");
    private final VirtualClock clock = new VirtualClock();
    private final SimulatedBoard board = SimulatedGun.create(clock).board();
    private final BoardRunner runner = new BoardRunner(link[1], clock, board, Ticker.system());
    private final Thread boardThread = Thread.ofPlatform().name("board").start(runner);
    private SerialDevice host;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (host != null) {
            host.close();
        }
        runner.stop();
        boardThread.join(2000);
    }

    /** Waits for a condition another thread makes true; fails the test after {@code seconds}. */
    private static void await(BooleanSupplier condition, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in %s s", seconds).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void handshakesAndReportsTheBoardsCapabilities() {
        host = SerialDevice.open(link[0], Ticker.system());
        assertThat(host.capabilities().minPpm()).isEqualTo(1000);
        assertThat(host.capabilities().maxPpm()).isEqualTo(3500);
        assertThat(host.capabilities().watchdogMillis()).isEqualTo(250);
        assertThat(host.telemetry()).isNotNull();
    }

    @Test
    void commandsReachTheBoardAndTelemetryComesBack() {
        host = SerialDevice.open(link[0], Ticker.system());
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < end) {
            host.commandSpeed(2000); // as the control loop would, feeding the watchdog
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertThat(board.targetPpm()).isEqualTo(2000);
        assertThat(host.telemetry().measuredPpm()).isBetween(1900, 2100);
        host.stop();
        await(() -> board.targetPpm() == 0, 1);
    }

    @Test
    void reportsBoardFaultsAndTheEmergencyStopInputInTelemetry() {
        host = SerialDevice.open(link[0], Ticker.system());
        board.setFaultCondition(Fault.OVER_TEMPERATURE, true);
        await(() -> host.telemetry().faults().contains(Fault.OVER_TEMPERATURE), 1);
        assertThat(host.clearFaults()).isFalse();
        board.setFaultCondition(Fault.OVER_TEMPERATURE, false);
        assertThat(host.clearFaults()).isTrue();
        board.setInput(Input.EMERGENCY_STOP, true);
        await(() -> host.telemetry().inputs().isActive(Input.EMERGENCY_STOP), 1);
    }

    @Test
    void theBoardsWatchdogStopsTheMotorWhenTheHostGoesSilent() {
        host = SerialDevice.open(link[0], Ticker.system());
        host.commandSpeed(2000);
        // no more commands: the board stops within watchdog_ms and latches COMM_TIMEOUT
        await(() -> host.telemetry().faults().contains(Fault.COMM_TIMEOUT), 1);
        assertThat(board.targetPpm()).isZero();
    }

    @Test
    void aCutLinkMakesCommandsFailNamingThePort() {
        host = SerialDevice.open(link[0], Ticker.system());
        link[1].close();
        runner.stop();
        assertThatThrownBy(() -> {
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < deadline) {
                host.commandSpeed(1200);
                Thread.onSpinWait();
            }
        }).isInstanceOf(DeviceException.class).hasMessageContaining("serial:memory");
    }

    @Test
    void closingSendsStop() {
        host = SerialDevice.open(link[0], Ticker.system());
        host.commandSpeed(1500);
        await(() -> board.targetPpm() == 1500, 1);
        host.close();
        await(() -> board.targetPpm() == 0, 1);
    }
}
