package org.percuss.device.protocol;

import java.util.function.Consumer;

/**
 * Turns a stream of wire bytes into packets, whatever arrives (PROTOCOL.md): it never throws,
 * never blocks, and never yields a packet whose CRC does not match. Bytes are gathered up to each
 * 0x00 delimiter; a run longer than the longest valid frame is discarded whole; a frame that is not
 * valid COBS, is too short, or fails its CRC is dropped and counted; the decoder resynchronises at
 * the next 0x00. Not thread-safe: one decoder per reader.
 */
public final class PacketDecoder {

    /** The longest COBS frame (delimiter excluded) that can hold a valid packet. */
    public static final int MAX_FRAME = Cobs.maxEncodedLength(PacketType.MAX_PACKET);

    private final byte[] frame = new byte[MAX_FRAME];
    private final byte[] raw = new byte[PacketType.MAX_PACKET];
    private int frameLength;
    private boolean overlong;

    private long packets;
    private long overlongFrames;
    private long cobsErrors;
    private long shortFrames;
    private long crcErrors;

    /** Feeds {@code len} bytes of {@code data} from {@code off}; every complete packet goes to {@code sink}. */
    public void feed(byte[] data, int off, int len, Consumer<? super Packet> sink) {
        for (int i = off; i < off + len; i++) {
            byte b = data[i];
            if (b == 0) {
                endOfFrame(sink);
            } else if (!overlong) {
                if (frameLength == frame.length) {
                    overlong = true;
                } else {
                    frame[frameLength++] = b;
                }
            }
        }
    }

    private void endOfFrame(Consumer<? super Packet> sink) {
        try {
            if (overlong) {
                overlongFrames++;
                return;
            }
            if (frameLength == 0) {
                return; // back-to-back delimiters: nothing between them
            }
            int n = Cobs.decode(frame, 0, frameLength, raw);
            if (n < 0) {
                cobsErrors++;
                return;
            }
            if (n < PacketType.OVERHEAD) {
                shortFrames++;
                return;
            }
            int crc = (raw[n - 2] & 0xFF) | (raw[n - 1] & 0xFF) << 8;
            if (Crc16.of(raw, 0, n - 2) != crc) {
                crcErrors++;
                return;
            }
            packets++;
            sink.accept(parse(raw, n - 2));
        } finally {
            frameLength = 0;
            overlong = false;
        }
    }

    /** The packet in {@code n} bytes of {@code raw} (type, seq, payload; CRC already checked). */
    static Packet parse(byte[] raw, int n) {
        int seq = raw[1] & 0xFF;
        int payload = n - 2;
        PacketType type = PacketType.ofCode(raw[0]);
        if (type == null) {
            byte[] bytes = new byte[payload];
            System.arraycopy(raw, 2, bytes, 0, payload);
            return new Packet.Unknown(seq, raw[0] & 0xFF, bytes);
        }
        if (payload != type.payloadLength()) {
            return new Packet.Malformed(seq, type, payload);
        }
        return switch (type) {
            case HELLO -> new Packet.Hello(seq, u8(raw, 2));
            case SET_SPEED -> new Packet.SetSpeed(seq, u16(raw, 2));
            case STOP -> new Packet.Stop(seq);
            case PING -> new Packet.Ping(seq);
            case CLEAR_FAULTS -> new Packet.ClearFaults(seq);
            case SET_TELEMETRY_PERIOD -> new Packet.SetTelemetryPeriod(seq, u16(raw, 2));
            case ACK -> new Packet.Ack(seq, u8(raw, 2));
            case NACK -> new Packet.Nack(seq, u8(raw, 2), u8(raw, 3));
            case HELLO_REPLY -> new Packet.HelloReply(seq, u8(raw, 2), u16(raw, 3), u16(raw, 5), u8(raw, 7),
                    u16(raw, 8));
            case TELEMETRY -> new Packet.TelemetryReport(seq, u16(raw, 2), u16(raw, 4), (short) u16(raw, 6),
                    u16(raw, 8), u8(raw, 10), u16(raw, 11), u32(raw, 13));
        };
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFF_FFFFL;
    }

    /** Packets decoded. */
    public long packets() {
        return packets;
    }

    /** Frames dropped: overlong, bad COBS, too short, or a bad CRC. */
    public long droppedFrames() {
        return overlongFrames + cobsErrors + shortFrames + crcErrors;
    }

    public long crcErrors() {
        return crcErrors;
    }

    public long overlongFrames() {
        return overlongFrames;
    }

    public long cobsErrors() {
        return cobsErrors;
    }

    public long shortFrames() {
        return shortFrames;
    }
}
