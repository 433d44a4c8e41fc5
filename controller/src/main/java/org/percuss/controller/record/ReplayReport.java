package org.percuss.controller.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.percuss.controller.files.InputFile;

/**
 * What {@code percuss replay} prints, as lines: what a recording is, how a replay went, where it
 * diverged and why, and how another configuration changes the outcome.
 */
public final class ReplayReport {

    private ReplayReport() {
    }

    /** Two lines: the command that recorded it; when, by which percuss, on which device, how long. */
    public static List<String> describe(Recording r) {
        RecordingHeader h = r.header();
        return List.of(h.commandLine(), String.format(Locale.ROOT,
                "  recorded %s by percuss %s (format %d) on %s: %s, %.2f s, %s", h.recordedAt(), h.percussVersion(),
                h.formatVersion(), h.deviceName(), ticks(r.frames().size()), r.lastSeconds(), InputFile.size(r.bytes())));
    }

    /** {@code identical: 12,001 ticks (120.00 s)}. */
    public static String identical(Replay.Result result) {
        return String.format(Locale.ROOT, "identical: %s (%.2f s)", ticks(result.ticks()), result.seconds());
    }

    /** The first divergence: the tick, its time, what differs, recorded against now, the rule, what was said. */
    public static List<String> divergence(Divergence d) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "diverged at tick %,d (t = %.2f s): %s", d.tick(), d.seconds(),
                String.join(", ", d.differences())));
        lines.add("  recorded: " + d.recorded());
        lines.add("  now:      " + d.now());
        lines.add("  rule:     " + d.rule());
        if (d.differences().contains("messages")) {
            lines.add("  recorded said: " + said(d.recordedMessages()));
            lines.add("  now says:      " + said(d.nowMessages()));
        }
        return lines;
    }

    /** With another configuration: the divergence, the open loop after it, and how the outcome changes. */
    public static List<String> withOther(String other, Replay.Result result) {
        List<String> lines = new ArrayList<>();
        if (result.divergence().isEmpty()) {
            lines.add(String.format(Locale.ROOT, "identical with %s: %s (%.2f s); nothing changes", other,
                    ticks(result.ticks()), result.seconds()));
            return lines;
        }
        Divergence d = result.divergence().get();
        lines.add("with " + other + ":");
        lines.addAll(divergence(d));
        lines.add(result.openLoopFrom().map(t -> String.format(Locale.ROOT, "open loop from %.2f s on: the recorded"
                + " telemetry no longer answers the new commands", t)).orElse("closed loop to the end: every tick sent the"
                + " device what the recorded one did, so the recorded telemetry answers them all"));
        lines.add("outcome with " + other + ":");
        for (String change : SessionOutcome.changes(result.recorded(), result.now())) {
            lines.add("  " + change);
        }
        return lines;
    }

    /** {@code 1 tick}, {@code 12,001 ticks}. */
    static String ticks(long n) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "tick" : "ticks");
    }

    private static String said(List<Message> messages) {
        if (messages.isEmpty()) {
            return "(nothing)";
        }
        List<String> s = new ArrayList<>();
        messages.forEach(m -> s.add(m.toString()));
        return String.join(" | ", s);
    }
}
