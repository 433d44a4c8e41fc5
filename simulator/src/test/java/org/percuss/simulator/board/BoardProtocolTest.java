package org.percuss.simulator.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.percuss.device.api.Fault;
import org.percuss.device.protocol.NackReason;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;
import org.percuss.simulator.clock.VirtualClock;
import org.junit.jupiter.api.Test;

/** The board's answers to every command of PROTOCOL.md, on the virtual clock, byte for byte. */
class BoardProtocolTest {

    private final VirtualClock clock = new VirtualClock();
    private final SimulatedBoard board = SimulatedGun.create(clock).board();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final BoardProtocol protocol = new BoardProtocol(board, wire::write);
    private final PacketDecoder fromBoard = new PacketDecoder();

    private List<Packet> send(Packet p) {
        byte[] bytes = PacketEncoder.toWire(p);
        protocol.receive(bytes, 0, bytes.length);
        return drain();
    }

    private List<Packet> drain() {
        List<Packet> out = new ArrayList<>();
        byte[] bytes = wire.toByteArray();
        wire.reset();
        fromBoard.feed(bytes, 0, bytes.length, out::add);
        return out;
    }

    @Test
    void answersHelloWithItsVersionRangeCapabilitiesAndWatchdog() {
        assertThat(send(new Packet.Hello(0, 1))).containsExactly(
                new Packet.HelloReply(0, 1, 1000, 3500, 0b11111, 250));
    }

    @Test
    void refusesAnotherProtocolVersion() {
        assertThat(send(new Packet.Hello(3, 2))).containsExactly(
                new Packet.Nack(0, 3, NackReason.UNSUPPORTED_VERSION.code()));
    }

    @Test
    void acksSpeedsInRangeAndNacksTheRest() {
        assertThat(send(new Packet.SetSpeed(7, 2200))).containsExactly(new Packet.Ack(0, 7));
        assertThat(board.targetPpm()).isEqualTo(2200);
        assertThat(send(new Packet.SetSpeed(8, 3600))).containsExactly(new Packet.Nack(1, 8, NackReason.OUT_OF_RANGE.code()));
        assertThat(board.targetPpm()).isEqualTo(2200);
        assertThat(send(new Packet.SetSpeed(9, 0))).containsExactly(new Packet.Ack(2, 9));
        assertThat(board.targetPpm()).isZero();
    }

    @Test
    void refusesSpeedWhileAFaultIsLatchedAndClearsOnlyWhenTheConditionIsGone() {
        board.setFaultCondition(Fault.OVER_TEMPERATURE, true);
        assertThat(send(new Packet.SetSpeed(1, 2000))).containsExactly(new Packet.Nack(0, 1, NackReason.FAULT_ACTIVE.code()));
        assertThat(send(new Packet.ClearFaults(2))).containsExactly(new Packet.Nack(1, 2, NackReason.FAULT_ACTIVE.code()));
        board.setFaultCondition(Fault.OVER_TEMPERATURE, false);
        assertThat(send(new Packet.ClearFaults(3))).containsExactly(new Packet.Ack(2, 3));
        assertThat(send(new Packet.SetSpeed(4, 2000))).containsExactly(new Packet.Ack(3, 4));
    }

    @Test
    void stopAndPingAreAcked() {
        send(new Packet.SetSpeed(1, 2000));
        assertThat(send(new Packet.Stop(2))).containsExactly(new Packet.Ack(1, 2));
        assertThat(board.targetPpm()).isZero();
        assertThat(send(new Packet.Ping(3))).containsExactly(new Packet.Ack(2, 3));
    }

    @Test
    void setsTheTelemetryPeriodWithinTenToAThousandMilliseconds() {
        assertThat(send(new Packet.SetTelemetryPeriod(1, 9))).containsExactly(new Packet.Nack(0, 1, NackReason.OUT_OF_RANGE.code()));
        assertThat(send(new Packet.SetTelemetryPeriod(2, 1001))).containsExactly(new Packet.Nack(1, 2, NackReason.OUT_OF_RANGE.code()));
        assertThat(send(new Packet.SetTelemetryPeriod(3, 50))).containsExactly(new Packet.Ack(2, 3));
        clock.advance(Duration.ofMillis(200));
        assertThat(drain()).hasSize(4).allSatisfy(p -> assertThat(p).isInstanceOf(Packet.TelemetryReport.class));
    }

    @Test
    void nacksUnknownTypesAndWrongLengthsButDropsBadFramesSilently() {
        assertThat(send(new Packet.Unknown(5, 0x42, new byte[0]))).containsExactly(
                new Packet.Nack(0, 5, NackReason.UNKNOWN_TYPE.code()));
        assertThat(send(new Packet.Unknown(6, 0x02, new byte[] {1}))).containsExactly(
                new Packet.Nack(1, 6, NackReason.BAD_LENGTH.code()));
        assertThat(send(new Packet.Ack(7, 1))).containsExactly(new Packet.Nack(2, 7, NackReason.UNKNOWN_TYPE.code()));
        byte[] bad = PacketEncoder.toWire(new Packet.SetSpeed(8, 2000));
        bad[3] ^= 0x10;
        protocol.receive(bad, 0, bad.length);
        assertThat(drain()).isEmpty();
        assertThat(protocol.droppedFrames()).isEqualTo(1);
        assertThat(board.targetPpm()).isZero();
    }

    @Test
    void aBoardsTypeFromTheHostIsUnknownWhateverItsLength() {
        assertThat(send(new Packet.Unknown(9, 0x82, new byte[] {1}))).containsExactly(
                new Packet.Nack(0, 9, NackReason.UNKNOWN_TYPE.code()));
        assertThat(send(new Packet.Unknown(10, 0x80, new byte[0]))).containsExactly(
                new Packet.Nack(1, 10, NackReason.UNKNOWN_TYPE.code()));
    }

    @Test
    void sendsTelemetryEveryTwentyMillisecondsInWireUnits() {
        send(new Packet.SetSpeed(1, 2000));
        clock.advance(Duration.ofMillis(100));
        List<Packet> reports = drain();
        assertThat(reports).hasSize(5);
        Packet.TelemetryReport last = (Packet.TelemetryReport) reports.get(4);
        assertThat(last.uptimeMillis()).isEqualTo(100);
        assertThat(last.measuredPpm()).isEqualTo(board.telemetry().measuredPpm());
        assertThat(last.currentMilliamps()).isEqualTo(Math.round(board.telemetry().currentAmps() * 1000));
        assertThat(last.seq()).isEqualTo(5); // seq 0 went to the ACK
    }

    @Test
    void theWatchdogLatchesCommTimeoutAfterTheHostFallsSilent() {
        send(new Packet.SetSpeed(1, 2000));
        clock.advance(Duration.ofMillis(260));
        Packet.TelemetryReport last = (Packet.TelemetryReport) drain().getLast();
        assertThat(last.faults() & Fault.COMM_TIMEOUT.mask()).isNotZero();
        assertThat(board.targetPpm()).isZero();
    }
}
