package org.percuss.simulator.board;

import java.util.function.Consumer;
import org.percuss.device.api.Telemetry;
import org.percuss.device.protocol.NackReason;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board's side of PROTOCOL.md, in bytes: it decodes what the host sends, answers each command
 * as "Board behaviour" says, and sends a TELEMETRY packet for every report of the
 * {@link SimulatedBoard}. Everything runs on the board's clock thread; {@code out} receives the
 * wire bytes to send.
 *
 * <p>Every packet with a good CRC feeds the watchdog. A bad CRC, bad COBS or an impossible length
 * is dropped silently (and counted by the decoder); a good CRC with an unknown type is answered
 * NACK UNKNOWN_TYPE, and with a known type but the wrong payload length NACK BAD_LENGTH.
 * Board-to-host types arriving from the host are unknown to the board, whatever their length.
 */
public final class BoardProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(BoardProtocol.class);

    /** The protocol version this board speaks. */
    public static final int VERSION = 1;

    private final SimulatedBoard board;
    private final BytesOut out;
    private final PacketDecoder decoder = new PacketDecoder();
    private final PacketEncoder encoder = new PacketEncoder();
    private final Consumer<Packet> handler = this::handle;
    private int seq;
    private long commands;

    /** Where the board's bytes go: the link's write. */
    @FunctionalInterface
    public interface BytesOut {
        /** Sends {@code length} bytes of {@code buffer} from {@code offset}. */
        void write(byte[] buffer, int offset, int length);
    }

    /** Speaks for {@code board}; its telemetry reports go out from now on. */
    public BoardProtocol(SimulatedBoard board, BytesOut out) {
        this.board = board;
        this.out = out;
        board.onTelemetry(this::sendTelemetry);
    }

    /** Bytes from the host. */
    public void receive(byte[] data, int offset, int length) {
        decoder.feed(data, offset, length, handler);
    }

    private void handle(Packet packet) {
        board.hostPacketReceived();
        commands++;
        int s = packet.seq();
        switch (packet) {
            case Packet.Hello h -> {
                if (h.protocolVersion() == VERSION) {
                    var caps = board.capabilities();
                    send(new Packet.HelloReply(nextSeq(), VERSION, caps.minPpm(), caps.maxPpm(),
                            caps.featuresToWire(), caps.watchdogMillis()));
                } else {
                    nack(s, NackReason.UNSUPPORTED_VERSION);
                }
            }
            case Packet.SetSpeed p -> {
                switch (board.setSpeed(p.targetPpm())) {
                    case ACCEPTED -> ack(s);
                    case OUT_OF_RANGE -> nack(s, NackReason.OUT_OF_RANGE);
                    case FAULT_ACTIVE -> nack(s, NackReason.FAULT_ACTIVE);
                }
            }
            case Packet.Stop p -> {
                board.stop();
                ack(s);
            }
            case Packet.Ping p -> ack(s);
            case Packet.ClearFaults p -> {
                if (board.clearFaults()) {
                    ack(s);
                } else {
                    nack(s, NackReason.FAULT_ACTIVE);
                }
            }
            case Packet.SetTelemetryPeriod p -> {
                if (p.periodMillis() >= 10 && p.periodMillis() <= 1000) {
                    board.setTelemetryPeriod(p.periodMillis());
                    ack(s);
                } else {
                    nack(s, NackReason.OUT_OF_RANGE);
                }
            }
            // a host's type with the wrong payload length; a board's type is unknown to a board,
            // whatever its length (0x80 and up are the board's)
            case Packet.Malformed m when m.type().code() < 0x80 -> nack(s, NackReason.BAD_LENGTH);
            default -> nack(s, NackReason.UNKNOWN_TYPE); // unknown types, and board-to-host types
        }
    }

    private void sendTelemetry(Telemetry t) {
        // the wire's units: ppm, mA, tenths of a degree, mV, ms
        send(new Packet.TelemetryReport(nextSeq(), clampU16(t.measuredPpm()),
                clampU16(Math.round(t.currentAmps() * 1000)), (int) Math.max(Short.MIN_VALUE,
                        Math.min(Short.MAX_VALUE, Math.round(t.temperatureCelsius() * 10))),
                clampU16(Math.round(t.supplyVolts() * 1000)), t.inputs().bits(), t.faults().toWire(),
                t.uptimeMillis() & 0xFFFF_FFFFL));
    }

    private static int clampU16(long v) {
        return (int) Math.max(0, Math.min(0xFFFF, v));
    }

    private void ack(int ackedSeq) {
        send(new Packet.Ack(nextSeq(), ackedSeq));
    }

    private void nack(int ackedSeq, NackReason reason) {
        LOG.debug("board: NACK {} for command {}", reason, ackedSeq);
        send(new Packet.Nack(nextSeq(), ackedSeq, reason.code()));
    }

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        return s;
    }

    private void send(Packet packet) {
        int n = encoder.encode(packet);
        out.write(encoder.frame(), 0, n);
    }

    /** Packets from the host with a good CRC. */
    public long commands() {
        return commands;
    }

    /** Frames from the host dropped for bad CRC, COBS or length. */
    public long droppedFrames() {
        return decoder.droppedFrames();
    }
}
