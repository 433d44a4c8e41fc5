package org.percuss.device.protocol;

import java.util.Arrays;

/**
 * Turns packets into wire bytes: type, seq, payload (little-endian), CRC-16 (little-endian), COBS,
 * then the 0x00 delimiter (PROTOCOL.md). One encoder reuses its buffers, so encoding allocates
 * nothing; {@link #frame()} is valid until the next call. Not thread-safe: one encoder per writer.
 */
public final class PacketEncoder {

    private final byte[] raw = new byte[PacketType.MAX_PACKET];
    private final byte[] frame = new byte[Cobs.maxEncodedLength(PacketType.MAX_PACKET) + 1];

    /** The wire bytes of {@code packet}, delimiter included, in a new array. */
    public static byte[] toWire(Packet packet) {
        PacketEncoder e = new PacketEncoder();
        int n = e.encode(packet);
        return Arrays.copyOf(e.frame(), n);
    }

    /** The buffer holding the latest frame. */
    public byte[] frame() {
        return frame;
    }

    /**
     * Encodes {@code packet} into {@link #frame()}.
     *
     * @return the frame's length, delimiter included
     */
    public int encode(Packet packet) {
        return switch (packet) {
            case Packet.Hello p -> frameOf(u8(PacketType.HELLO, p.seq(), p.protocolVersion()));
            case Packet.SetSpeed p -> encodeSetSpeed(p.seq(), p.targetPpm());
            case Packet.Stop p -> frameOf(header(PacketType.STOP, p.seq()));
            case Packet.Ping p -> frameOf(header(PacketType.PING, p.seq()));
            case Packet.ClearFaults p -> frameOf(header(PacketType.CLEAR_FAULTS, p.seq()));
            case Packet.SetTelemetryPeriod p -> frameOf(u16(header(PacketType.SET_TELEMETRY_PERIOD, p.seq()), p.periodMillis()));
            case Packet.Ack p -> frameOf(u8(PacketType.ACK, p.seq(), p.ackedSeq()));
            case Packet.Nack p -> {
                int n = u8(PacketType.NACK, p.seq(), p.ackedSeq());
                raw[n] = (byte) p.reasonCode();
                yield frameOf(n + 1);
            }
            case Packet.HelloReply p -> {
                int n = u8(PacketType.HELLO_REPLY, p.seq(), p.protocolVersion());
                n = u16(n, p.minPpm());
                n = u16(n, p.maxPpm());
                raw[n++] = (byte) p.capabilities();
                yield frameOf(u16(n, p.watchdogMillis()));
            }
            case Packet.TelemetryReport p -> {
                int n = u16(header(PacketType.TELEMETRY, p.seq()), p.measuredPpm());
                n = u16(n, p.currentMilliamps());
                n = u16(n, p.temperatureDeciCelsius());
                n = u16(n, p.supplyMillivolts());
                raw[n++] = (byte) p.inputs();
                n = u16(n, p.faults());
                n = u32(n, p.uptimeMillis());
                yield frameOf(n);
            }
            case Packet.Unknown p -> {
                raw[0] = (byte) p.typeCode();
                raw[1] = (byte) p.seq();
                byte[] payload = p.payload();
                System.arraycopy(payload, 0, raw, 2, payload.length);
                yield frameOf(2 + payload.length);
            }
            case Packet.Malformed p -> throw new IllegalArgumentException("a malformed packet cannot be encoded");
        };
    }

    /** SET_SPEED without a packet object: the host sends one every control tick. */
    public int encodeSetSpeed(int seq, int targetPpm) {
        return frameOf(u16(header(PacketType.SET_SPEED, seq), targetPpm));
    }

    /** A payload-less command (STOP, PING, CLEAR_FAULTS) without a packet object. */
    public int encodeEmpty(PacketType type, int seq) {
        if (type.payloadLength() != 0) {
            throw new IllegalArgumentException(type + " has a payload");
        }
        return frameOf(header(type, seq));
    }

    private int header(PacketType type, int seq) {
        raw[0] = (byte) type.code();
        raw[1] = (byte) seq;
        return 2;
    }

    private int u8(PacketType type, int seq, int value) {
        int n = header(type, seq);
        raw[n] = (byte) value;
        return n + 1;
    }

    private int u16(int n, int value) {
        raw[n] = (byte) value;
        raw[n + 1] = (byte) (value >>> 8);
        return n + 2;
    }

    private int u32(int n, long value) {
        raw[n] = (byte) value;
        raw[n + 1] = (byte) (value >>> 8);
        raw[n + 2] = (byte) (value >>> 16);
        raw[n + 3] = (byte) (value >>> 24);
        return n + 4;
    }

    /** Appends the CRC, COBS-encodes into the frame and adds the delimiter. */
    private int frameOf(int n) {
        int crc = Crc16.of(raw, 0, n);
        raw[n] = (byte) crc;
        raw[n + 1] = (byte) (crc >>> 8);
        int len = Cobs.encode(raw, 0, n + 2, frame, 0);
        frame[len] = 0;
        return len + 1;
    }
}
