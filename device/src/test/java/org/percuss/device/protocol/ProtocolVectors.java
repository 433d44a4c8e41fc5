package org.percuss.device.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The protocol's test vectors as {@code docs/protocol-vectors.txt} gives them: the one file the
 * Java tests and the firmware's host-side C tests ({@code firmware/test/test_protocol.c}) both
 * read. Each line is {@code source | TYPE seq=N field=value ... | wire bytes}, with PROTOCOL.md's
 * field names; every field of the type must be there, and nothing else.
 */
final class ProtocolVectors {

    static final Path FILE = Path.of("..", "docs", "protocol-vectors.txt");

    /**
     * One vector.
     *
     * @param source {@code PROTOCOL.md} for the specification's own, {@code derived} for the others
     * @param text the packet as the file writes it
     * @param packet the packet it describes
     * @param wire its bytes on the wire, the delimiter included
     */
    record Vector(String source, String text, Packet packet, byte[] wire) {
        @Override
        public String toString() {
            return text;
        }
    }

    private ProtocolVectors() {
    }

    static List<Vector> all() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": not 'source | packet | wire'");
            }
            String text = parts[1].strip();
            try {
                vectors.add(new Vector(parts[0].strip(), text, packet(text),
                        HexFormat.of().parseHex(parts[2].strip().replace(" ", ""))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return vectors;
    }

    /** The vectors of PROTOCOL.md itself, in its order. */
    static List<Vector> fromTheSpecification() {
        return all().stream().filter(v -> v.source().equals("PROTOCOL.md")).toList();
    }

    private static Packet packet(String text) {
        String[] words = text.split("\\s+");
        Map<String, Long> fields = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected field=value, got " + words[i]);
            }
            String value = words[i].substring(eq + 1);
            long v = value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            if (fields.put(words[i].substring(0, eq), v) != null) {
                throw new IllegalArgumentException("field given twice: " + words[i]);
            }
        }
        Fields f = new Fields(fields);
        int seq = f.take("seq");
        Packet p = switch (words[0]) {
            case "HELLO" -> new Packet.Hello(seq, f.take("protocol_version"));
            case "SET_SPEED" -> new Packet.SetSpeed(seq, f.take("target_ppm"));
            case "STOP" -> new Packet.Stop(seq);
            case "PING" -> new Packet.Ping(seq);
            case "CLEAR_FAULTS" -> new Packet.ClearFaults(seq);
            case "SET_TELEMETRY_PERIOD" -> new Packet.SetTelemetryPeriod(seq, f.take("period_ms"));
            case "ACK" -> new Packet.Ack(seq, f.take("acked_seq"));
            case "NACK" -> new Packet.Nack(seq, f.take("acked_seq"), f.take("reason"));
            case "HELLO_REPLY" -> new Packet.HelloReply(seq, f.take("protocol_version"), f.take("min_ppm"),
                    f.take("max_ppm"), f.take("capabilities"), f.take("watchdog_ms"));
            case "TELEMETRY" -> new Packet.TelemetryReport(seq, f.take("measured_ppm"), f.take("current_ma"),
                    f.take("temperature_dC"), f.take("supply_mv"), f.take("inputs"), f.take("faults"),
                    f.takeLong("uptime_ms"));
            default -> throw new IllegalArgumentException("unknown packet type " + words[0]);
        };
        if (!fields.isEmpty()) {
            throw new IllegalArgumentException("fields " + fields.keySet() + " are not in a " + words[0]);
        }
        return p;
    }

    /** The fields of one line, each taken once. */
    private record Fields(Map<String, Long> values) {
        long takeLong(String name) {
            Long v = values.remove(name);
            if (v == null) {
                throw new IllegalArgumentException("field " + name + " is missing");
            }
            return v;
        }

        int take(String name) {
            return Math.toIntExact(takeLong(name));
        }
    }
}
