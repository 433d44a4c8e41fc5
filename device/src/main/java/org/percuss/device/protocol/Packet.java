package org.percuss.device.protocol;

import java.util.Arrays;

/**
 * One decoded packet of PROTOCOL.md: its type, its sequence number and its payload fields, in
 * the units of the wire (ppm, mA, tenths of °C, mV, ms). Immutable. {@link Unknown} holds a packet
 * with a valid CRC but a type this version does not know; {@link Malformed} one with a valid CRC
 * and a known type but the wrong payload length.
 */
public sealed interface Packet {

    /** The packet's type. */
    PacketType type();

    /** The sender's sequence number, 0..255. */
    int seq();

    /** Host: start of a conversation. */
    record Hello(int seq, int protocolVersion) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.HELLO;
        }
    }

    /** Host: run at {@code targetPpm}; 0 stops. */
    record SetSpeed(int seq, int targetPpm) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.SET_SPEED;
        }
    }

    /** Host: stop at once. */
    record Stop(int seq) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.STOP;
        }
    }

    /** Host: keep-alive. */
    record Ping(int seq) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.PING;
        }
    }

    /** Host: clear latched faults. */
    record ClearFaults(int seq) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.CLEAR_FAULTS;
        }
    }

    /** Host: set the telemetry period. */
    record SetTelemetryPeriod(int seq, int periodMillis) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.SET_TELEMETRY_PERIOD;
        }
    }

    /** Board: command {@code ackedSeq} done. */
    record Ack(int seq, int ackedSeq) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.ACK;
        }
    }

    /** Board: command {@code ackedSeq} refused. {@code reasonCode} is the raw byte. */
    record Nack(int seq, int ackedSeq, int reasonCode) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.NACK;
        }

        public NackReason reason() {
            return NackReason.ofCode(reasonCode);
        }
    }

    /** Board: answer to HELLO. {@code capabilities} is the raw capability byte. */
    record HelloReply(int seq, int protocolVersion, int minPpm, int maxPpm, int capabilities, int watchdogMillis)
            implements Packet {
        @Override
        public PacketType type() {
            return PacketType.HELLO_REPLY;
        }
    }

    /** Board: periodic state report, in wire units. */
    record TelemetryReport(int seq, int measuredPpm, int currentMilliamps, int temperatureDeciCelsius,
                           int supplyMillivolts, int inputs, int faults, long uptimeMillis) implements Packet {
        @Override
        public PacketType type() {
            return PacketType.TELEMETRY;
        }
    }

    /** A packet with a good CRC and a type byte this version does not know. */
    record Unknown(int seq, int typeCode, byte[] payload) implements Packet {
        public Unknown {
            payload = payload.clone();
        }

        @Override
        public PacketType type() {
            return null;
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.seq == seq && u.typeCode == typeCode && Arrays.equals(u.payload, payload);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * seq + typeCode) + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Unknown[seq=" + seq + ", type=0x" + Integer.toHexString(typeCode) + ", payload="
                    + payload.length + " bytes]";
        }
    }

    /** A packet with a good CRC and a known type, but a payload of the wrong length. */
    record Malformed(int seq, PacketType type, int payloadLength) implements Packet {
    }
}
