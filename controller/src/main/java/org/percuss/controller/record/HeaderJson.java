package org.percuss.controller.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.percuss.controller.config.Zone;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;

/**
 * A {@link RecordingHeader} as the JSON object of docs/recording.md, and back. Reading is strict:
 * a key missing or of the wrong type is named by its path.
 */
final class HeaderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What the header's {@code format} key says, for a person looking at the file. */
    static final String FORMAT_NAME = "percuss recording";

    private HeaderJson() {
    }

    static byte[] write(RecordingHeader h) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT_NAME);
        o.put("format_version", h.formatVersion());
        o.put("specification", "docs/recording.md");
        o.put("percuss_version", h.percussVersion());
        o.put("recorded_at", h.recordedAt());
        ArrayNode command = o.putArray("command");
        h.command().forEach(command::add);
        o.put("title", h.title());
        ObjectNode device = o.putObject("device");
        device.put("name", h.deviceName());
        Capabilities c = h.capabilities();
        device.put("min_ppm", c.minPpm());
        device.put("max_ppm", c.maxPpm());
        ArrayNode features = device.putArray("features");
        for (Capability f : Capability.values()) {
            if (c.has(f)) {
                features.add(f.name());
            }
        }
        device.put("watchdog_ms", c.watchdogMillis());
        device.put("telemetry_period_ms", c.telemetryPeriodMillis());
        o.set("config", ConfigJson.write(h.config()));
        RecordedSession s = h.session();
        ObjectNode session = o.putObject("session");
        if (s.zone().isPresent()) {
            Zone z = s.zone().get();
            ObjectNode zone = session.putObject("zone");
            zone.put("name", z.name());
            zone.put("budget", ConfigJson.duration(z.budget()));
            zone.put("max_level", z.maxLevel());
            zone.put("used_before", ConfigJson.duration(s.zoneUsed()));
        }
        s.limit().ifPresent(l -> session.put("limit", ConfigJson.duration(l)));
        s.warmup().ifPresent(w -> session.put("warmup", ConfigJson.duration(w)));
        session.put("file_is_ceiling", s.fileIsCeiling());
        session.put("ends_when_stopped", s.endsWhenStopped());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o).concat("\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a header of plain values cannot fail to serialise", e);
        }
    }

    /**
     * The header in {@code json}, whose format version the preamble gave as {@code version}.
     *
     * @throws Json.Invalid naming what is missing or wrong
     */
    static RecordingHeader read(byte[] json, int version) throws Json.Invalid {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Json.Invalid("is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new Json.Invalid("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Json.Invalid("is not a JSON object");
        }
        Json h = new Json(root, "");
        if (h.integer("format_version") != version) {
            throw new Json.Invalid("says format version " + h.integer("format_version") + ", its preamble " + version);
        }
        List<String> command = new ArrayList<>();
        for (Json word : h.array("command")) {
            command.add(word.text());
        }
        Json d = h.object("device");
        EnumSet<Capability> features = EnumSet.noneOf(Capability.class);
        for (Json f : d.array("features")) {
            try {
                features.add(Capability.valueOf(f.text()));
            } catch (IllegalArgumentException e) {
                throw new Json.Invalid("device.features: unknown capability " + f.text());
            }
        }
        Capabilities caps = d.build("", () -> new Capabilities(d.integer("min_ppm"), d.integer("max_ppm"), features,
                d.integer("watchdog_ms"), d.integer("telemetry_period_ms")));
        Json s = h.object("session");
        Optional<Zone> zone = Optional.empty();
        java.time.Duration used = java.time.Duration.ZERO;
        if (s.has("zone")) {
            Json z = s.object("zone");
            zone = Optional.of(z.build("", () -> new Zone(z.text("name"), z.duration("budget"), z.integer("max_level"))));
            used = z.duration("used_before");
        }
        Optional<java.time.Duration> limit = s.has("limit") ? Optional.of(s.duration("limit")) : Optional.empty();
        Optional<java.time.Duration> warmup = s.has("warmup") ? Optional.of(s.duration("warmup")) : Optional.empty();
        Optional<Zone> z = zone;
        java.time.Duration u = used;
        RecordedSession session = s.build("", () -> new RecordedSession(z, u, limit, warmup, s.bool("file_is_ceiling"),
                s.bool("ends_when_stopped")));
        return new RecordingHeader(version, h.text("percuss_version"), h.text("recorded_at"), command, h.text("title"),
                d.text("name"), caps, ConfigJson.read(h.object("config")), session);
    }
}
