package org.percuss.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every test vector of docs/protocol-vectors.txt (PROTOCOL.md's, and one more for each remaining
 * packet type), both ways: encoding gives the bytes, decoding gives the packet. The firmware's C
 * codec is checked against the same file (firmware/test/test_protocol.c).
 */
class ProtocolVectorsTest {

    static Stream<ProtocolVectors.Vector> vectors() {
        return ProtocolVectors.all().stream();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesToTheVector(ProtocolVectors.Vector v) {
        assertThat(PacketEncoder.toWire(v.packet())).isEqualTo(v.wire());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesTheVector(ProtocolVectors.Vector v) {
        List<Packet> out = new ArrayList<>();
        byte[] bytes = v.wire();
        new PacketDecoder().feed(bytes, 0, bytes.length, out::add);
        assertThat(out).containsExactly(v.packet());
    }

    @Test
    void theFileHoldsEveryVectorOfProtocolMdAndOneOfEveryPacketType() {
        assertThat(ProtocolVectors.fromTheSpecification()).hasSize(6);
        assertThat(ProtocolVectors.all().stream().map(v -> v.packet().type()).distinct())
                .containsExactlyInAnyOrder(PacketType.values());
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
