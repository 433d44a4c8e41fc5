package org.percuss.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;
import org.percuss.device.time.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host driver against scripted boards that misbehave in the ways PROTOCOL.md guards against. */
class SerialDeviceTest {

    private final InMemoryLink[] link = InMemoryLink.pair("serial:/dev/ttyTEST");
    private Thread boardThread;
    private volatile boolean stop;

    @AfterEach
    void tearDown() throws InterruptedException {
        stop = true;
        if (boardThread != null) {
            boardThread.join(2000);
        }
    }

    /** A board that answers each host packet with what {@code script} returns, and sends telemetry. */
    private void board(Function<Packet, List<Packet>> script, boolean telemetry, int faults) {
        board(script, telemetry, () -> faults);
    }

    /** The same, with fault bits that may change as the board runs. */
    private void board(Function<Packet, List<Packet>> script, boolean telemetry, java.util.function.IntSupplier faults) {
        boardThread = Thread.ofPlatform().start(() -> {
            PacketDecoder decoder = new PacketDecoder();
            byte[] buf = new byte[256];
            long nextTelemetry = System.nanoTime();
            int seq = 0;
            try {
                while (!stop) {
                    int n = link[1].read(buf, 0, buf.length);
                    if (n < 0) {
                        return;
                    }
                    List<Packet> replies = new ArrayList<>();
                    decoder.feed(buf, 0, n, p -> replies.addAll(script.apply(p)));
                    if (telemetry && System.nanoTime() >= nextTelemetry) {
                        replies.add(new Packet.TelemetryReport(seq++ & 0xFF, 0, 0, 250, 16000, 0, faults.getAsInt(), 5));
                        nextTelemetry += 20_000_000L;
                    }
                    for (Packet r : replies) {
                        byte[] w = PacketEncoder.toWire(r);
                        link[1].write(w, 0, w.length);
                    }
                }
            } catch (IOException e) {
                // the host closed the link
            }
        });
    }

    private static List<Packet> goodBoard(Packet p) {
        return switch (p) {
            case Packet.Hello h -> List.of(new Packet.HelloReply(0, 1, 1000, 3500, 0b111, 300));
            default -> List.of(new Packet.Ack(0, p.seq()));
        };
    }

    @Test
    void aSilentBoardFailsWithinTheHandshakeTimeoutNamingThePort() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> SerialDevice.open(link[0], Ticker.system()))
                .isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("serial:/dev/ttyTEST: no answer to HELLO within 1000 ms");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
    }

    @Test
    void aBoardOfAnotherProtocolVersionIsRefused() {
        board(p -> p instanceof Packet.Hello ? List.of(new Packet.HelloReply(0, 2, 1000, 3500, 0, 250)) : List.of(), true, 0);
        assertThatThrownBy(() -> SerialDevice.open(link[0], Ticker.system()))
                .isInstanceOf(DeviceException.class).hasMessageContaining("protocol version 2");
    }

    @Test
    void aBoardThatAnswersHelloButSendsNoTelemetryIsRefused() {
        board(SerialDeviceTest::goodBoard, false, 0);
        assertThatThrownBy(() -> SerialDevice.open(link[0], Ticker.system()))
                .isInstanceOf(DeviceException.class).hasMessageContaining("sent no telemetry");
    }

    @Test
    void capabilitiesComeFromHelloReply() {
        board(SerialDeviceTest::goodBoard, true, 0);
        SerialDevice host = SerialDevice.open(link[0], Ticker.system());
        assertThat(host.capabilities().watchdogMillis()).isEqualTo(300);
        assertThat(host.capabilities().features()).hasSize(3);
        assertThat(host.telemetry().temperatureCelsius()).isEqualTo(25.0);
        assertThat(host.telemetry().supplyVolts()).isEqualTo(16.0);
        host.close();
    }

    @Test
    void aCommTimeoutLatchedBeforeTheHostConnectedIsClearedOnConnect() {
        List<Packet> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        board(p -> {
            seen.add(p);
            return goodBoard(p);
        }, true, Fault.COMM_TIMEOUT.mask());
        SerialDevice host = SerialDevice.open(link[0], Ticker.system());
        assertThat(seen).anySatisfy(p -> assertThat(p).isInstanceOf(Packet.ClearFaults.class));
        host.close();
    }

    @Test
    void afterTheConnectClearTheTelemetryInHandNoLongerShowsTheClearedFault() {
        int[] faults = {Fault.COMM_TIMEOUT.mask()};
        board(p -> {
            if (p instanceof Packet.ClearFaults) {
                faults[0] = 0;
            }
            return goodBoard(p);
        }, true, () -> faults[0]);
        SerialDevice host = SerialDevice.open(link[0], Ticker.system());
        assertThat(host.telemetry().faults().isEmpty()).isTrue();
        host.close();
    }

    @Test
    void otherFaultsLatchedAtConnectAreLeftForTheControllerToReport() {
        List<Packet> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        board(p -> {
            seen.add(p);
            return goodBoard(p);
        }, true, Fault.OVER_TEMPERATURE.mask());
        SerialDevice host = SerialDevice.open(link[0], Ticker.system());
        assertThat(host.telemetry().faults().contains(Fault.OVER_TEMPERATURE)).isTrue();
        assertThat(seen).noneSatisfy(p -> assertThat(p).isInstanceOf(Packet.ClearFaults.class));
        host.close();
    }

    @Test
    void aFaultReportIsAStopAtOnceAndNoSpeedFollowsUntilCleared() throws Exception {
        int[] faults = {0};
        List<Packet> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        board(p -> {
            seen.add(p);
            if (p instanceof Packet.ClearFaults) {
                faults[0] = 0;
            }
            return goodBoard(p);
        }, true, () -> faults[0]);
        SerialDevice host = SerialDevice.open(link[0], Ticker.system());
        host.commandSpeed(2000);
        faults[0] = Fault.STALL.mask();
        // nobody calls commandSpeed: the driver itself sends STOP when the report arrives
        awaitTrue(() -> seen.stream().anyMatch(Packet.Stop.class::isInstance));
        host.commandSpeed(2000);
        awaitTrue(() -> seen.getLast() instanceof Packet.SetSpeed s && s.targetPpm() == 0);
        assertThat(host.clearFaults()).isTrue();
        host.commandSpeed(2000);
        awaitTrue(() -> seen.getLast() instanceof Packet.SetSpeed s && s.targetPpm() == 2000);
        host.close();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 1 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void nacksAreCountedAndDescribed() throws Exception {
        board(p -> p instanceof Packet.SetSpeed s
                ? List.of(new Packet.Nack(0, s.seq(), 3)) : goodBoard(p), true, 0);
        SerialDevice host = SerialDevice.open(link[0], Ticker.system());
        host.commandSpeed(9000);
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (host.nacks() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(host.nacks()).isEqualTo(1);
        assertThat(host.lastNack()).contains("value out of range");
        host.close();
    }
}
