package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;
import org.percuss.device.api.Fault;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.serial.InMemoryLink;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.BoardRunner;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * {@code percuss run --device serial:PATH} when jSerialComm fails in the ways a pseudo-terminal
 * cannot make it fail. jSerialComm's {@link SerialPort} is mocked (Mockito) and carries the bytes,
 * until told to fail, to the emulated board running in real time behind an in-memory cable. Every
 * failure ends the run with exit 3 and a message naming the port, and the board's motor stops:
 * from the host's STOP when it still gets through, else from the board's watchdog.
 */
class SerialPortFailuresTest {

    /** SET_SPEED packets (10 ms apart) the host sends before the port fails: the motor is running by then. */
    private static final int HEALTHY_COMMANDS = 30;

    private enum Failure { NONE, READ_END, DISCONNECTED, SHORT_WRITE, WRITE_THROWS }

    @TempDir
    Path dir;

    private final InMemoryLink[] cable = InMemoryLink.pair("serial:memory");
    private final VirtualClock clock = new VirtualClock();
    private final SimulatedBoard board = SimulatedGun.create(clock).board();
    private final BoardRunner runner = new BoardRunner(cable[1], clock, board, Ticker.system());
    /** Stub-only: the reader thread calls it thousands of times, and nothing here verifies calls. */
    private final SerialPort port = mock(SerialPort.class, withSettings().stubOnly());
    private final List<Packet> fromHost = new CopyOnWriteArrayList<>();
    private final PacketDecoder decoder = new PacketDecoder();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger commandsWhenFailed = new AtomicInteger(-1);
    private volatile Failure pending = Failure.NONE;
    private volatile Failure failure = Failure.NONE;
    private volatile SerialPortDataListener listener;
    private Thread boardThread;
    private Path path;

    @BeforeEach
    void wire() throws IOException {
        path = Files.createFile(dir.resolve("ttyUSB0")); // the port's device file; jSerialComm itself is mocked
        boardThread = Thread.ofPlatform().name("board").start(runner);
        when(port.openPort()).thenReturn(true);
        when(port.getLastErrorCode()).thenReturn(5);
        doAnswer(call -> {
            listener = call.getArgument(0);
            return true;
        }).when(port).addDataListener(any());
        // jSerialComm's argument order: buffer, count, offset
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenAnswer(call -> {
            if (failure == Failure.READ_END) {
                commandsWhenFailed.compareAndSet(-1, commands.get()); // when the host can first know
                return -1;
            }
            return cable[0].read(call.getArgument(0), call.getArgument(2), call.getArgument(1));
        });
        when(port.writeBytes(any(byte[].class), anyInt(), anyInt())).thenAnswer(call -> {
            byte[] bytes = call.getArgument(0);
            int length = call.getArgument(1);
            int offset = call.getArgument(2);
            switch (failure) {
                case SHORT_WRITE -> {
                    return length / 2;
                }
                case WRITE_THROWS -> throw new IllegalStateException("the driver refused the write");
                default -> {
                }
            }
            synchronized (decoder) {
                decoder.feed(bytes, offset, length, this::sent);
            }
            cable[0].write(bytes, offset, length);
            return length;
        });
    }

    /** A packet the host got onto the wire; after enough commands, the port starts failing. */
    private void sent(Packet packet) {
        fromHost.add(packet);
        if (packet instanceof Packet.SetSpeed && commands.incrementAndGet() == HEALTHY_COMMANDS && pending != Failure.NONE) {
            if (pending != Failure.READ_END) {
                commandsWhenFailed.set(commands.get());
            }
            if (pending == Failure.DISCONNECTED) {
                listener.serialEvent(new SerialPortEvent(port, SerialPort.LISTENING_EVENT_PORT_DISCONNECTED));
            } else {
                failure = pending;
            }
        }
    }

    @AfterEach
    void unplug() throws InterruptedException {
        runner.stop();
        boardThread.join(2000);
    }

    private CliRun runWith(Failure f) {
        pending = f;
        try (MockedStatic<SerialPort> ports = mockStatic(SerialPort.class)) {
            ports.when(() -> SerialPort.getCommPort(path.toString())).thenReturn(port);
            return CliRun.of("run", "--device", "serial:" + path, "--level", "3", "--limit", "1m", "--warmup", "1s",
                    "--config", patientConfig().toString());
        }
    }

    /**
     * A config that waits a second for telemetry, not 100 ms (and lets the command line set the
     * warm-up): these tests are about the port failing, and on two cores shared with other builds the
     * board's thread can miss five 20 ms reports.
     */
    private Path patientConfig() {
        try {
            return Files.writeString(dir.resolve("patient.yaml"), "stale_telemetry_periods: 50\nwarmup: 0s\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the board's state on its own thread. */
    private <T> T onBoard(Function<SimulatedBoard, T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        runner.execute(() -> result.complete(read.apply(board)));
        return result.get(2, TimeUnit.SECONDS);
    }

    /** The board's motor comes to a stop: its target is 0 within a second (the watchdog needs 250 ms). */
    private void assertTheMotorStops() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (onBoard(SimulatedBoard::targetPpm) != 0) {
            assertThat(System.nanoTime()).as("the board's motor is still commanded").isLessThan(deadline);
        }
    }

    /**
     * The motor was running when the port failed, and no speed but 0 was sent after the host could
     * know of it, except {@code inFlight} commands already past the check when it learned.
     */
    private void assertNoSpeedAfterTheFailure(int inFlight) {
        int failedAt = commandsWhenFailed.get();
        assertThat(failedAt).as("the failure happened while the motor ran").isPositive();
        List<Packet.SetSpeed> speeds = fromHost.stream().filter(Packet.SetSpeed.class::isInstance)
                .map(Packet.SetSpeed.class::cast).toList();
        assertThat(speeds.get(failedAt - 1).targetPpm()).as("running when the port failed").isPositive();
        List<Packet.SetSpeed> after = speeds.subList(Math.min(speeds.size(), failedAt + inFlight), speeds.size());
        assertThat(after).as("speeds sent after the failure").allMatch(s -> s.targetPpm() == 0);
    }

    @Test
    void aPortThatDoesNotOpenExitsThreeNamingItAndTheBoardHearsNothing() {
        when(port.openPort()).thenReturn(false);
        when(port.getLastErrorCode()).thenReturn(13);
        CliRun run = runWith(Failure.NONE);
        assertThat(run.exitCode()).isEqualTo(ExitCode.DEVICE.code());
        assertThat(run.err().strip()).isEqualTo("percuss: serial:" + path + ": cannot open the port (error 13; is it in use,"
                + " or do you lack permission? On Linux, join the dialout group)");
        assertThat(fromHost).isEmpty();
    }

    @Test
    void aReadOfMinusOneEndsTheRunWithExitThreeAndTheHostsStopReachesTheBoard() throws Exception {
        CliRun run = runWith(Failure.READ_END);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.DEVICE.code());
        assertThat(run.out()).contains("stopped:      link lost: serial:" + path + ": the link was lost");
        assertNoSpeedAfterTheFailure(1); // a tick may pass the check while the reader thread learns
        assertThat(fromHost.getLast()).as("the port still writes: the host's last word is STOP").isInstanceOf(Packet.Stop.class);
        assertTheMotorStops();
    }

    @Test
    void theDisconnectedEventEndsTheRunWithExitThreeAndTheBoardsWatchdogStopsTheMotor() throws Exception {
        CliRun run = runWith(Failure.DISCONNECTED);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.DEVICE.code());
        assertThat(run.out()).contains("stopped:      link lost: serial:" + path + ": ");
        assertNoSpeedAfterTheFailure(0);
        assertTheMotorStops();
        assertThat(onBoard(SimulatedBoard::latchedFaults).contains(Fault.COMM_TIMEOUT)).isTrue();
    }

    @Test
    void aShortWriteEndsTheRunWithExitThreeNamingThePort() throws Exception {
        CliRun run = runWith(Failure.SHORT_WRITE);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.DEVICE.code());
        assertThat(run.out()).containsPattern("stopped: +link lost: serial:" + path + ": write failed: wrote [0-9]+ of [0-9]+"
                + " bytes \\(error 5\\)\n");
        assertNoSpeedAfterTheFailure(0);
        assertTheMotorStops();
    }

    @Test
    void aWriteThatThrowsEndsTheRunWithExitThreeNamingThePort() throws Exception {
        CliRun run = runWith(Failure.WRITE_THROWS);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.DEVICE.code());
        assertThat(run.out()).contains("stopped:      link lost: serial:" + path
                + ": write failed: the driver refused the write\n");
        assertNoSpeedAfterTheFailure(0);
        assertTheMotorStops();
    }
}
