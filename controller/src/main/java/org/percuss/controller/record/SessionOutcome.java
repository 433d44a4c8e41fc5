package org.percuss.controller.record;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.percuss.controller.loop.Durations;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;

/**
 * How a session turned out, in the terms a tester compares two runs in: when each fault first
 * tripped, when a safety rule first derated and how low, and when and why the session ended. Built
 * tick by tick, from a recording or from a replay; {@link #changes} says how one differs from
 * another.
 */
public final class SessionOutcome {

    private static final Fault[] FAULTS = Fault.values();

    private final boolean endsWhenStopped;
    private int latchedSeen;
    private final Map<Fault, Double> trips = new EnumMap<>(Fault.class);
    private double firstDerate = -1;
    private int lowestDerate;
    private double end = -1;
    private String endWhy = "";
    private double last;
    private LoopState lastState = LoopState.IDLE;

    /** @param endsWhenStopped whether a latched stop ends the session ({@code run}) or it runs on ({@code simulate}) */
    SessionOutcome(boolean endsWhenStopped) {
        this.endsWhenStopped = endsWhenStopped;
    }

    /** One tick at {@code seconds}: its state, latched faults, derate and messages. */
    void observe(double seconds, LoopState state, int latchedBits, int derateLevel, List<Message> messages) {
        last = seconds;
        lastState = state;
        if ((latchedBits & ~latchedSeen) != 0) {
            for (Fault f : FAULTS) {
                if ((latchedBits & f.mask()) != 0) {
                    trips.putIfAbsent(f, seconds);
                }
            }
            latchedSeen |= latchedBits;
        }
        if (derateLevel > 0) {
            if (firstDerate < 0) {
                firstDerate = seconds;
            }
            lowestDerate = lowestDerate == 0 ? derateLevel : Math.min(lowestDerate, derateLevel);
        }
        if (end < 0 && (state == LoopState.FINISHED || endsWhenStopped && state.latched())) {
            end = seconds;
            for (Message m : messages) {
                if (m.kind() == Message.Kind.STATE && m.to() == state) {
                    endWhy = m.text();
                }
            }
        }
    }

    /** When each fault first latched, seconds from the first tick. */
    public Map<Fault, Double> trips() {
        return Map.copyOf(trips);
    }

    /** When a safety rule first derated, or -1. */
    public double firstDerate() {
        return firstDerate;
    }

    /** The lowest level derated to, or 0. */
    public int lowestDerate() {
        return lowestDerate;
    }

    /** When the session ended, or -1 while it had not by the last tick. */
    public double end() {
        return end;
    }

    /** Why it ended (the state change's reason), or empty. */
    public String endWhy() {
        return endWhy;
    }

    /** The last tick seen. */
    public double last() {
        return last;
    }

    /**
     * How {@code now} differs from {@code recorded}, a line each: trips, derates, the end. Only
     * what changed, or one line saying nothing did.
     */
    public static List<String> changes(SessionOutcome recorded, SessionOutcome now) {
        List<String> lines = new ArrayList<>();
        for (Fault f : Fault.values()) {
            Double r = recorded.trips.get(f);
            Double n = now.trips.get(f);
            if (n != null && r != null && !same(n, r)) {
                lines.add(String.format(Locale.ROOT, "%s trip at %.2f s instead of %.2f s", f, n, r));
            } else if (n != null && r == null) {
                lines.add(String.format(Locale.ROOT, "%s trip at %.2f s (none recorded)", f, n));
            } else if (n == null && r != null) {
                lines.add(String.format(Locale.ROOT, "no %s trip (recorded at %.2f s)", f, r));
            }
        }
        if (now.firstDerate < 0 && recorded.firstDerate >= 0) {
            lines.add(String.format(Locale.ROOT, "no derate (recorded from %.2f s, down to level %d)", recorded.firstDerate,
                    recorded.lowestDerate));
        } else if (now.firstDerate >= 0 && recorded.firstDerate < 0) {
            lines.add(String.format(Locale.ROOT, "derate from %.2f s, down to level %d (none recorded)", now.firstDerate,
                    now.lowestDerate));
        } else if (now.firstDerate >= 0 && (!same(now.firstDerate, recorded.firstDerate)
                || now.lowestDerate != recorded.lowestDerate)) {
            lines.add(String.format(Locale.ROOT, "derate from %.2f s, down to level %d, instead of from %.2f s, down to level %d",
                    now.firstDerate, now.lowestDerate, recorded.firstDerate, recorded.lowestDerate));
        }
        if (now.end >= 0 && recorded.end >= 0 && (!same(now.end, recorded.end) || !now.endWhy.equals(recorded.endWhy))) {
            lines.add("session ends at " + clock(now.end) + why(now) + " instead of " + clock(recorded.end) + why(recorded));
        } else if (now.end >= 0 && recorded.end < 0) {
            lines.add("session ends at " + clock(now.end) + why(now) + "; the recorded one had not ended when the recording"
                    + " ends at " + clock(recorded.last));
        } else if (now.end < 0 && recorded.end >= 0) {
            // a simulated session runs on past a latched stop: say it stopped rather than "running"
            String where = now.lastState.latched() ? "stopped in " + now.lastState + ", not finished," : "still running";
            lines.add("session " + where + " when the recording ends at " + clock(now.last) + " (recorded: ends at "
                    + clock(recorded.end) + why(recorded) + ")");
        }
        if (lines.isEmpty()) {
            lines.add("the same trips, derates and end as recorded");
        }
        return lines;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 0.0005;
    }

    private static String clock(double seconds) {
        return Durations.format(Math.round(seconds * 1e9));
    }

    private static String why(SessionOutcome o) {
        return o.endWhy.isEmpty() ? "" : " (" + o.endWhy + ")";
    }
}
