package org.percuss.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every test vector of PROTOCOL.md, both ways: encoding gives the bytes, decoding gives the packet. */
class ProtocolVectorsTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("HELLO, seq 0, version 1", new Packet.Hello(0, 1), "02 01 04 01 8d eb 00"),
                Arguments.of("SET_SPEED 2200, seq 7", new Packet.SetSpeed(7, 2200), "07 02 07 98 08 72 fc 00"),
                Arguments.of("STOP, seq 8", new Packet.Stop(8), "05 03 08 54 c9 00"),
                Arguments.of("PING, seq 9", new Packet.Ping(9), "05 04 09 e2 40 00"),
                Arguments.of("ACK of seq 7, seq 0", new Packet.Ack(0, 7), "02 80 04 07 21 87 00"),
                Arguments.of("TELEMETRY seq 42", new Packet.TelemetryReport(42, 2195, 1830, 412, 16420, 0x10, 0, 123456),
                        "0c 82 2a 93 08 26 07 9c 01 24 40 10 01 04 40 e2 01 03 19 90 00"));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesToTheVector(String name, Packet packet, String wire) {
        assertThat(PacketEncoder.toWire(packet)).isEqualTo(hex(wire));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesTheVector(String name, Packet packet, String wire) {
        List<Packet> out = new ArrayList<>();
        byte[] bytes = hex(wire);
        new PacketDecoder().feed(bytes, 0, bytes.length, out::add);
        assertThat(out).containsExactly(packet);
    }

    @Test
    void crcCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.of(check, 0, check.length)).isEqualTo(0x29B1);
    }

    @Test
    void theTelemetryVectorMeansWhatProtocolMdSays() {
        List<Packet> out = new ArrayList<>();
        byte[] bytes = hex("0c 82 2a 93 08 26 07 9c 01 24 40 10 01 04 40 e2 01 03 19 90 00");
        new PacketDecoder().feed(bytes, 0, bytes.length, out::add);
        Packet.TelemetryReport t = (Packet.TelemetryReport) out.get(0);
        assertThat(t.measuredPpm()).isEqualTo(2195);
        assertThat(t.currentMilliamps()).isEqualTo(1830);
        assertThat(t.temperatureDeciCelsius()).isEqualTo(412);
        assertThat(t.supplyMillivolts()).isEqualTo(16420);
        assertThat(t.inputs()).isEqualTo(0x10);
        assertThat(t.uptimeMillis()).isEqualTo(123456);
    }

    @Test
    void negativeTemperaturesAreSigned() {
        Packet p = new Packet.TelemetryReport(1, 0, 0, -105, 0, 0, 0, 0);
        List<Packet> out = new ArrayList<>();
        byte[] wire = PacketEncoder.toWire(p);
        new PacketDecoder().feed(wire, 0, wire.length, out::add);
        assertThat(((Packet.TelemetryReport) out.get(0)).temperatureDeciCelsius()).isEqualTo(-105);
    }

    @Test
    void unknownTypesWithAGoodCrcAreReportedSoTheBoardCanNackThem() {
        byte[] wire = PacketEncoder.toWire(new Packet.Unknown(3, 0x42, new byte[] {1, 2}));
        List<Packet> out = new ArrayList<>();
        new PacketDecoder().feed(wire, 0, wire.length, out::add);
        assertThat(out).containsExactly(new Packet.Unknown(3, 0x42, new byte[] {1, 2}));
    }

    @Test
    void aKnownTypeWithTheWrongLengthIsMalformed() {
        // SET_SPEED with a one-byte payload, valid CRC
        byte[] wire = PacketEncoder.toWire(new Packet.Unknown(5, 0x02, new byte[] {7}));
        List<Packet> out = new ArrayList<>();
        new PacketDecoder().feed(wire, 0, wire.length, out::add);
        assertThat(out).containsExactly(new Packet.Malformed(5, PacketType.SET_SPEED, 1));
    }

    @Test
    void hostCommandsEncodeWithoutPacketObjectsToTheSameBytes() {
        PacketEncoder e = new PacketEncoder();
        int n = e.encodeSetSpeed(7, 2200);
        assertThat(java.util.Arrays.copyOf(e.frame(), n)).isEqualTo(hex("07 02 07 98 08 72 fc 00"));
        n = e.encodeEmpty(PacketType.STOP, 8);
        assertThat(java.util.Arrays.copyOf(e.frame(), n)).isEqualTo(hex("05 03 08 54 c9 00"));
    }
}
