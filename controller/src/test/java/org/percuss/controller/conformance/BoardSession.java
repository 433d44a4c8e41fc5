package org.percuss.controller.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.percuss.device.protocol.Cobs;
import org.percuss.device.protocol.Crc16;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;
import org.percuss.device.serial.SerialLink;

/**
 * The conformance suite's end of the link to a board: it numbers and sends the host's packets
 * (well-formed or deliberately broken), and records every packet the board sends, in the order it
 * sent them, with an index and the time it arrived. Waits are for something from the board (a
 * reply, a report, a report stamped with a given uptime), each with a deadline; timing is judged
 * on the board's own clock, the {@code uptime_ms} of its reports, so this machine's scheduling does
 * not enter the verdicts.
 */
final class BoardSession implements AutoCloseable {

    /** How long anything asked of the board may take to come, on a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    /**
     * A packet from the board.
     *
     * @param index its place among everything the board sent, from 0
     * @param nanos when it arrived ({@code System.nanoTime()})
     * @param packet the packet
     */
    record Received(int index, long nanos, Packet packet) {
    }

    private final SerialLink link;
    private final Thread reader;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();
    private final PacketDecoder decoder = new PacketDecoder();
    private volatile boolean closed;
    private volatile String linkError;
    private int seq;

    BoardSession(SerialLink link) {
        this.link = link;
        this.reader = Thread.ofPlatform().name("conformance-reader").daemon().start(this::read);
    }

    private void read() {
        byte[] buffer = new byte[512];
        while (!closed) {
            int n;
            try {
                n = link.read(buffer, 0, buffer.length);
            } catch (IOException e) {
                linkError = e.toString();
                return;
            }
            if (n < 0) {
                linkError = closed ? null : "the link to the board was lost";
                signal();
                return;
            }
            if (n > 0) {
                long now = System.nanoTime();
                decoder.feed(buffer, 0, n, p -> received.add(new Received(received.size(), now, p)));
                signal();
            }
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    // ---- sending -------------------------------------------------------------------------------

    /** The sequence number the next command gets. */
    int nextSeq() {
        return seq;
    }

    /** Makes the next command carry {@code s} (to test the wrap at 255). */
    void seq(int s) {
        seq = s & 0xFF;
    }

    private int take() {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        return s;
    }

    void write(byte[] bytes) {
        try {
            link.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a packet of any type, with any payload, correctly framed; returns its seq. */
    int send(int type, byte... payload) {
        int s = take();
        write(PacketEncoder.toWire(new Packet.Unknown(s, type, payload)));
        return s;
    }

    int hello(int version) {
        return send(0x01, (byte) version);
    }

    int setSpeed(int ppm) {
        return send(0x02, (byte) ppm, (byte) (ppm >> 8));
    }

    int stop() {
        return send(0x03);
    }

    int ping() {
        return send(0x04);
    }

    int clearFaults() {
        return send(0x05);
    }

    int setTelemetryPeriod(int ms) {
        return send(0x06, (byte) ms, (byte) (ms >> 8));
    }

    /** The frame of a packet with its CRC spoiled (one bit of it flipped), delimiter included. */
    byte[] withBadCrc(int type, byte... payload) {
        int s = take();
        byte[] raw = new byte[payload.length + 4];
        raw[0] = (byte) type;
        raw[1] = (byte) s;
        System.arraycopy(payload, 0, raw, 2, payload.length);
        int crc = Crc16.of(raw, 0, payload.length + 2) ^ 0x0100;
        raw[payload.length + 2] = (byte) crc;
        raw[payload.length + 3] = (byte) (crc >> 8);
        return frame(raw);
    }

    /** COBS and the delimiter around any bytes. */
    static byte[] frame(byte[] raw) {
        byte[] out = new byte[Cobs.maxEncodedLength(raw.length) + 1];
        int n = Cobs.encode(raw, 0, raw.length, out, 0);
        out[n] = 0;
        return java.util.Arrays.copyOf(out, n + 1);
    }

    // ---- what came back ------------------------------------------------------------------------

    /** Everything received from index {@code from} on, as it stands now (a copy). */
    List<Received> since(int from) {
        List<Received> now = List.copyOf(received);
        return now.subList(Math.min(from, now.size()), now.size());
    }

    /** Index the next packet from the board will have. */
    int mark() {
        return received.size();
    }

    /** Waits for the first packet from {@code from} on that matches; fails after {@link #PATIENCE}. */
    Received await(int from, Predicate<Packet> matches, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int i = from;
        synchronized (changed) {
            while (true) {
                for (; i < received.size(); i++) {
                    if (matches.test(received.get(i).packet())) {
                        return received.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || linkError != null) {
                    throw new AssertionError("no " + what + " from the board within " + PATIENCE.toMillis() + " ms"
                            + (linkError != null ? " (" + linkError + ")" : "") + "; last packets: " + tail());
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    private String tail() {
        List<Received> now = List.copyOf(received);
        return now.subList(Math.max(0, now.size() - 4), now.size()).stream().map(r -> r.packet().toString()).toList().toString();
    }

    /** The board's answer (ACK or NACK) to the command numbered {@code s}, sent after {@code from}. */
    Packet answer(int from, int s) {
        return await(from, p -> p instanceof Packet.Ack a && a.ackedSeq() == s
                || p instanceof Packet.Nack n && n.ackedSeq() == s, "answer to command " + s).packet();
    }

    /** Any answer to {@code s} among everything received from {@code from} on. */
    Optional<Packet> anyAnswer(int from, int s) {
        return since(from).stream().map(Received::packet)
                .filter(p -> p instanceof Packet.Ack a && a.ackedSeq() == s
                        || p instanceof Packet.Nack n && n.ackedSeq() == s)
                .findFirst();
    }

    /** The next report from {@code from} on. */
    Received nextReport(int from) {
        return await(from, Packet.TelemetryReport.class::isInstance, "TELEMETRY");
    }

    /** The first report from {@code from} on that matches. */
    Received report(int from, Predicate<Packet.TelemetryReport> matches, String what) {
        return await(from, p -> p instanceof Packet.TelemetryReport t && matches.test(t), what);
    }

    /** Waits for the report stamped {@code uptimeMillis} or later: time passing on the board's clock. */
    Received reportAt(long uptimeMillis) {
        return report(mark() == 0 ? 0 : Math.max(0, mark() - 1), t -> t.uptimeMillis() >= uptimeMillis,
                "TELEMETRY at uptime " + uptimeMillis + " ms");
    }

    /** The latest report received so far (waits for one if none came yet). */
    Packet.TelemetryReport latestReport() {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).packet() instanceof Packet.TelemetryReport t) {
                return t;
            }
        }
        return (Packet.TelemetryReport) nextReport(0).packet();
    }

    /** Reports from index {@code from} (inclusive) to {@code to} (exclusive). */
    List<Packet.TelemetryReport> reports(int from, int to) {
        return List.copyOf(received).subList(from, to).stream().map(Received::packet)
                .filter(Packet.TelemetryReport.class::isInstance).map(Packet.TelemetryReport.class::cast).toList();
    }

    /** The report sent last before index {@code index}. */
    Packet.TelemetryReport reportBefore(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (received.get(i).packet() instanceof Packet.TelemetryReport t) {
                return t;
            }
        }
        throw new AssertionError("no report before packet " + index);
    }

    /**
     * Keeps the watchdog fed with SET_SPEED {@code ppm}, one per report, until a report stamped
     * {@code millis} after now on the board's clock arrives; returns that report.
     */
    Packet.TelemetryReport drive(int ppm, long millis) {
        long end = latestReport().uptimeMillis() + millis;
        while (true) {
            int from = mark();
            setSpeed(ppm);
            Packet.TelemetryReport t = (Packet.TelemetryReport) nextReport(from).packet();
            if (t.uptimeMillis() >= end) {
                return t;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        link.close();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
