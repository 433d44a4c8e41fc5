package org.percuss.device.protocol;

/**
 * The packet types of PROTOCOL.md, with their type byte and fixed payload length.
 */
public enum PacketType {
    /** Host: start of a conversation; payload {@code protocol_version u8}. */
    HELLO(0x01, 1),
    /** Host: run at {@code target_ppm u16} (0 stops). */
    SET_SPEED(0x02, 2),
    /** Host: stop the motor at once. */
    STOP(0x03, 0),
    /** Host: nothing to do; feeds the watchdog. */
    PING(0x04, 0),
    /** Host: clear every latched fault. */
    CLEAR_FAULTS(0x05, 0),
    /** Host: report telemetry every {@code period_ms u16} (10..1000). */
    SET_TELEMETRY_PERIOD(0x06, 2),
    /** Board: the command with {@code acked_seq u8} was done. */
    ACK(0x80, 1),
    /** Board: the command with {@code acked_seq u8} was refused for {@code reason u8}. */
    NACK(0x8F, 2),
    /** Board: answer to HELLO: version, speed range, capabilities, watchdog. */
    HELLO_REPLY(0x81, 8),
    /** Board: the periodic state report. */
    TELEMETRY(0x82, 15);

    /** The longest decoded packet (type, seq, payload, CRC). */
    public static final int MAX_PACKET = 64;
    /** Type, seq and CRC: the bytes every packet has besides its payload. */
    public static final int OVERHEAD = 4;

    private static final PacketType[] BY_CODE = new PacketType[256];

    static {
        for (PacketType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int payloadLength;

    PacketType(int code, int payloadLength) {
        this.code = code;
        this.payloadLength = payloadLength;
    }

    /** The type byte. */
    public int code() {
        return code;
    }

    /** The payload length in bytes. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The type with this type byte, or {@code null} for an unknown one. */
    public static PacketType ofCode(int code) {
        return BY_CODE[code & 0xFF];
    }
}
