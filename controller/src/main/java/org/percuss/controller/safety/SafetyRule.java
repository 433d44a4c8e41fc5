package org.percuss.controller.safety;

import org.percuss.device.api.Telemetry;

/**
 * One safety rule of DESIGN.md, evaluated on every control tick: it looks at the latest telemetry
 * and answers {@link Verdict#OK}, a derate, or a trip. A rule keeps whatever state it needs (how
 * long a condition has lasted) and logs its own transitions with the measured value and the
 * limit. Evaluating allocates nothing.
 */
public interface SafetyRule {

    /**
     * The rule's answer for this tick.
     *
     * @param telemetry the latest telemetry (possibly the same report as on the previous tick)
     * @param nowNanos this tick's time
     * @param context what the rule may know of the loop
     */
    Verdict evaluate(Telemetry telemetry, long nowNanos, SafetyContext context);

    /**
     * Why the rule answered {@code verdict}, in words for the user, with the measured value and the
     * limit where there are some. Called only when the answer changes, never in steady state.
     */
    String explain(Verdict verdict, Telemetry telemetry);

    /**
     * The rule's trip condition as it stands in {@code telemetry} right now, unfiltered (no "held
     * for"): the measured value and the limit in words when it is present, {@code null} when it is
     * not or the rule cannot tell. A clear is refused while any rule answers (issue 11: a clear must
     * never restart a motor whose cause is still there). Called only when a clear is requested.
     */
    default String tripConditionPresent(Telemetry telemetry, long nowNanos, SafetyContext context) {
        return null;
    }

    /** Forgets what the rule has seen, after latched faults were cleared at {@code nowNanos}. */
    default void reset(long nowNanos) {
    }
}
