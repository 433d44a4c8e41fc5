package org.percuss.controller.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The usage ledger: an append-only file of JSON lines, one {@link UsageEntry} each, so that a
 * restart does not reset a zone's budget (DESIGN.md rule 4).
 *
 * <pre>
 *   {"session":"9f1c…","zone":"lower-back","end":"2026-11-24T03:10:05.123Z","running_ms":1000}
 * </pre>
 *
 * Each entry is written with one {@code write} call as soon as it is appended, so a process killed
 * at any moment loses at most the entry it had not yet written. Reading skips a torn or corrupt
 * line with a warning naming the file and the line, and goes on.
 */
public final class UsageLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public UsageLedger(Path file) {
        this.file = file;
    }

    /** Where the ledger lives when {@code --ledger} is not given: the XDG state directory. */
    public static Path defaultPath(Map<String, String> environment, Path home) {
        String state = environment.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state) : home.resolve(".local").resolve("state");
        return base.resolve("percuss").resolve("usage.jsonl");
    }

    public Path file() {
        return file;
    }

    /**
     * Every readable entry, in file order; an absent file is an empty ledger.
     *
     * @param warnings hears one message for each line skipped
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public List<UsageEntry> read(Consumer<String> warnings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the usage ledger " + file + ": " + e.getMessage(), e);
        }
        List<UsageEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(parse(line));
            } catch (IllegalArgumentException | JsonProcessingException | DateTimeParseException e) {
                warnings.accept(file + ":" + (i + 1) + ": skipped a damaged ledger line (" + reason(e) + ")");
            }
        }
        return entries;
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static UsageEntry parse(String line) throws JsonProcessingException {
        JsonNode n = JSON.readTree(line);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode session = n.get("session");
        JsonNode zone = n.get("zone");
        JsonNode end = n.get("end");
        JsonNode running = n.get("running_ms");
        if (session == null || zone == null || end == null || running == null || !running.canConvertToLong()
                || running.asLong() < 0 || !zone.isTextual() || !end.isTextual()) {
            throw new IllegalArgumentException("needs session, zone, end and a running_ms of at least 0");
        }
        return new UsageEntry(session.asText(), zone.asText(), Instant.parse(end.asText()).toEpochMilli(), running.asLong());
    }

    /** Appends {@code entry} as one line, written to the file before this returns. */
    public void append(UsageEntry entry) {
        ObjectNode n = JSON.createObjectNode();
        n.put("session", entry.session());
        n.put("zone", entry.zone());
        n.put("end", Instant.ofEpochMilli(entry.endEpochMillis()).toString());
        n.put("running_ms", entry.runningMillis());
        byte[] line = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the usage ledger " + file + ": " + e.getMessage(), e);
        }
    }
}
