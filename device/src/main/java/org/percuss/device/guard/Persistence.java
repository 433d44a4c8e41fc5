package org.percuss.device.guard;

/**
 * How long a condition has held, on the caller's clock: the "for 100 ms" and "for 1 s" of the
 * host's safety rules and of every board's own protections. The one place that judges "held for"
 * (issue 11: noise around a limit must not reset it; issue 13: one owner).
 *
 * <p>Samples come once a tick; the interval between two samples is counted as the earlier sample
 * said (zero-order hold), so a condition that first holds at t counts from t. In the
 * {@linkplain #leaky leaky} mode the count is a time-above integrator with a leak of the same rate:
 *
 * <pre>
 *   held += dt   while the condition holds,
 *   held -= dt   while it does not,     clamped to 0 ≤ held ≤ T,   acting when held = T.
 * </pre>
 *
 * A clean signal therefore acts after exactly T, as a plain timer would; a noisy one that holds a
 * fraction p of the time acts after T / (2p − 1) (p = 0.73, a mean 0.2 A above a 3 A limit under
 * the simulator's noisy sensor: 2.2 × T), so brief dips slow it down but never restart it, and a
 * fraction p ≤ ½ never acts. Clamping at T means a condition that has gone away is forgotten after
 * T, not after as long as it had lasted. The {@linkplain #resetting resetting} mode restarts from
 * zero on the first sample that does not hold, for conditions that are events by definition (the
 * gun moved: DESIGN.md rule 5 starts the timer afresh). Allocates nothing.
 */
public final class Persistence {

    private final long forNanos;
    private final boolean leaky;
    private long held;
    private long lastNanos;
    private boolean lastHolds;
    private boolean started;

    private Persistence(long forNanos, boolean leaky) {
        if (forNanos < 0) {
            throw new IllegalArgumentException("a persistence time must be at least 0, got " + forNanos + " ns");
        }
        this.forNanos = forNanos;
        this.leaky = leaky;
    }

    /** Held for {@code forNanos} as a leaky time-above integrator: dips slow it, never restart it. */
    public static Persistence leaky(long forNanos) {
        return new Persistence(forNanos, true);
    }

    /** Held for {@code forNanos} without a break: the first sample that does not hold restarts it. */
    public static Persistence resetting(long forNanos) {
        return new Persistence(forNanos, false);
    }

    /**
     * Notes whether the condition holds at {@code nowNanos}.
     *
     * @return whether it has now held for the time (see the class comment)
     */
    public boolean update(boolean holds, long nowNanos) {
        if (started) {
            long dt = Math.max(0, nowNanos - lastNanos);
            held = lastHolds ? Math.min(forNanos, held + dt) : Math.max(0, held - dt);
        }
        if (!holds && !leaky) {
            held = 0;
        }
        started = true;
        lastNanos = nowNanos;
        lastHolds = holds;
        return held >= forNanos && (holds || held > 0);
    }

    /** How long the condition counts as held, 0..the time, as of the last update. */
    public long held() {
        return held;
    }

    /** Whether the condition has held for the time (as of the last update). */
    public boolean reached() {
        return started && held >= forNanos && (lastHolds || held > 0);
    }

    /** Forgets everything: the next sample starts afresh. */
    public void reset() {
        held = 0;
        started = false;
        lastHolds = false;
    }
}
