package org.percuss.controller.record;

import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;

/**
 * Which rule, or which part of the controller, a divergence comes from, in words a tester can act
 * on: the class that decides it, the configuration keys that set it, and what the loop said about
 * it on that tick (the rules' own messages name the measured value and the limit).
 */
final class RuleInvolved {

    private RuleInvolved() {
    }

    static String of(Decisions recorded, Decisions now, List<Message> recordedMessages, List<Message> nowMessages) {
        List<Message> said = new ArrayList<>(nowMessages);
        said.addAll(recordedMessages);
        int newlyDifferent = recorded.latchedBits() ^ now.latchedBits();
        if (newlyDifferent != 0) {
            for (Fault f : Fault.values()) {
                if ((newlyDifferent & f.mask()) != 0) {
                    String trip = find(said, "trip: " + f.description());
                    boolean byDevice = trip != null && trip.endsWith("reported by the device");
                    return (byDevice ? "DeviceFaultRule (a fault the device reports)" : trip(f)) + (trip == null ? "" : ": " + trip);
                }
            }
        }
        if (recorded.derateLevel() != now.derateLevel()) {
            String derate = find(said, "derating");
            return derate(derate) + (derate == null ? "" : ": " + derate);
        }
        if (recorded.state() != now.state()) {
            if (recorded.state() == LoopState.FINISHED || now.state() == LoopState.FINISHED) {
                return "SessionTimer (session_limit, or the zone's budget)" + said(said);
            }
            if (recorded.state().motorOn() && now.state().motorOn()) {
                return "SpeedProfile (warmup, ramp_ppm_per_second): warming up, ramping or at the target" + said(said);
            }
            return "the state machine (start, pause, buttons, clearing faults)" + said(said);
        }
        if (recorded.clearRequested() != now.clearRequested()) {
            return "FaultClearing (a clear refused or sent)" + said(said);
        }
        if (recorded.level() != now.level() || recorded.targetPpm() != now.targetPpm()) {
            return "SpeedBounds (levels, a zone's max_level) or a derate" + said(said);
        }
        if (recorded.askedPpm() != now.askedPpm() || recorded.commandedPpm() != now.commandedPpm()) {
            return "SpeedProfile (warmup, ramp_ppm_per_second)";
        }
        return message(recordedMessages, nowMessages);
    }

    /** Only what the loop said differs: the rule whose message it is, by what the message is about. */
    private static String message(List<Message> recorded, List<Message> now) {
        int n = Math.max(recorded.size(), now.size());
        for (int i = 0; i < n; i++) {
            Message r = i < recorded.size() ? recorded.get(i) : null;
            Message m = i < now.size() ? now.get(i) : null;
            if (r != null && r.equals(m)) {
                continue;
            }
            Message said = m != null ? m : r;
            String text = said.toString();
            for (Fault f : Fault.values()) {
                if (text.contains("trip: " + f.description())) {
                    return trip(f) + ", in its words: " + text;
                }
            }
            if (text.startsWith("derating")) {
                return derate(text) + ", in its words: " + text;
            }
            if (text.contains("the session ends in")) {
                return "SessionTimer (session_limit, or the zone's budget: the warning before the end), in its words: " + text;
            }
            return "what the loop says (" + said.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + text;
        }
        return "what the loop says";
    }

    private static String said(List<Message> said) {
        return said.isEmpty() ? "" : ": " + said.getFirst();
    }

    /** The first message containing {@code text}, or null. */
    private static String find(List<Message> said, String text) {
        for (Message m : said) {
            if (m.text().contains(text) || m.toString().contains(text)) {
                return m.toString();
            }
        }
        return null;
    }

    private static String trip(Fault f) {
        return switch (f) {
            case OVER_TEMPERATURE -> "ThermalRule (temperature: trip_c)";
            case OVER_CURRENT -> "OverCurrentRule (current: trip_amps, trip_after)";
            case STALL -> "StallRule (stall: fraction, after)";
            case UNDER_VOLTAGE -> "UnderVoltageRule (supply: trip_volts)";
            case STALE_TELEMETRY -> "StaleTelemetryRule (stale_telemetry_periods)";
            case DEVICE_RESTARTED -> "DeviceRestartRule (the device's uptime)";
            case EMERGENCY_STOP -> "the emergency stop (EmergencyStopInputRule, or a request)";
            case LINK_LOST -> "the link to the device (a device error)";
            case COMM_TIMEOUT, INTERNAL -> "DeviceFaultRule (a fault the device reports)";
        };
    }

    private static String derate(String message) {
        if (message == null) {
            return "a derating rule";
        }
        if (message.contains("temperature")) {
            return "ThermalRule (temperature: derate_from_c, lowest_at_c)";
        }
        if (message.contains("press")) {
            return "PressureRule (current: derate_amps, derate_after)";
        }
        if (message.contains("still") || message.contains("moving")) {
            return "KeepMovingRule (keep_moving: warn_after, derate_after)";
        }
        return "a derating rule";
    }
}
