package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.List;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.SessionStatistics;
import org.percuss.controller.loop.Durations;
import org.percuss.controller.loop.StopReason;
import org.percuss.device.serial.SerialDevice;

/** The closing summary of a session: running time, top speed, and why it stopped. */
final class SessionSummary {

    private SessionSummary() {
    }

    /** Why the session stopped, in the summary's words. */
    static String stopped(ControlLoop loop) {
        StopReason reason = loop.stopReason();
        // The message names the fault already ("over temperature: reported by the device");
        // a plain fault gets "safety stop" in front so the kind of ending is never in doubt.
        return reason == null ? "not started"
                : reason == StopReason.FAULT ? "safety stop: " + loop.stopMessage() : loop.stopMessage();
    }

    /** The summary, then {@code extra} lines (safety events, the zone's use). */
    static void print(ControlLoop loop, SessionStatistics statistics, PrintWriter out, List<String> extra) {
        String why = stopped(loop);
        long running = loop.runningNanos();
        out.println("session summary");
        out.printf("  stopped:      %s%n", why);
        out.printf("  running time: %d:%05.2f of %s%n", running / 60_000_000_000L,
                (running % 60_000_000_000L) / 1e9, Durations.format(loop.sessionLimitNanos()));
        out.printf("  top speed:    %d ppm commanded, %d ppm measured%n", statistics.topCommandedPpm(), statistics.topMeasuredPpm());
        out.printf("  device:       %s%n", loop.device().name());
        if (loop.device() instanceof SerialDevice serial && serial.nacks() > 0) {
            out.printf("  refused:      %d commands refused by the board (latest: %s)%n", serial.nacks(),
                    serial.lastNack());
        }
        for (String line : extra) {
            out.println("  " + line);
        }
        out.flush();
    }
}
