package org.percuss.controller.safety;

import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;

/**
 * A device that restarts behind the host's back (a brown-out, a watchdog reset, a crash) comes up
 * with nothing latched, and a reset shorter than the stale-telemetry window is otherwise invisible:
 * the rebooted board would take the next speed command at once, with no warm-up and no ramp
 * (issue 11). Its uptime gives it away, so this rule trips DEVICE_RESTARTED when a new report's
 * uptime has not advanced as the host's own clock says it must have.
 *
 * <p>Between two reports received Δt apart (host clock), the device's uptime must advance by
 * about Δt. The wire carries a 32-bit millisecond counter that wraps after 49.7 days, so the
 * advance is taken modulo 2³²:
 *
 * <pre>
 *   advance = (uptime − previous uptime) mod 2³²,      restarted ⇔ advance > Δt + 1 s
 * </pre>
 *
 * A counter that went back (a restart) wraps to a huge advance; a counter that wrapped forwards
 * advances by about Δt; a restart after more than 24.8 days of uptime shows as a forward jump of
 * days. The 1 s of slack absorbs delivery jitter and clock drift. A device that does not keep an
 * uptime (always 0) never trips it.
 */
public final class DeviceRestartRule implements SafetyRule {

    /** Slack between the device's uptime and the host's clock before a jump counts as a restart. */
    static final long SLACK_MILLIS = 1000;
    private static final long WRAP_MASK = 0xFFFF_FFFFL;

    private long previousUptime = -1;
    private long previousReceived;
    private long lastUptime;
    private long lastPrevious;

    @Override
    public Verdict evaluate(Telemetry t, long nowNanos, SafetyContext context) {
        // The same report seen on two ticks advances by 0 in 0 ms: fine. (Two reports can arrive in
        // the same instant, so the arrival time alone does not tell them apart.)
        boolean restarted = false;
        if (previousUptime >= 0) {
            long elapsedMillis = Math.max(0, (t.receivedNanos() - previousReceived) / 1_000_000L);
            long advance = (t.uptimeMillis() - previousUptime) & WRAP_MASK;
            restarted = advance > elapsedMillis + SLACK_MILLIS;
        }
        lastPrevious = previousUptime;
        lastUptime = t.uptimeMillis();
        previousUptime = t.uptimeMillis();
        previousReceived = t.receivedNanos();
        return restarted ? Verdict.trip(Fault.DEVICE_RESTARTED) : Verdict.OK;
    }

    @Override
    public String explain(Verdict verdict, Telemetry t) {
        return "the device restarted: its uptime went from " + lastPrevious + " ms to " + lastUptime + " ms";
    }
}
