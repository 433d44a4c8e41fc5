package org.percuss.controller.scenario;

import org.percuss.controller.loop.ControlLoop;
import org.percuss.device.api.Telemetry;
import org.percuss.simulator.scenario.Sample;

/**
 * What the scenario checkers see of a control loop after a tick: one {@link Sample}, built the same
 * way for scenarios, the property tests and the soak.
 */
public final class Samples {

    private Samples() {
    }

    /** The loop after its tick at {@code nanos}. */
    public static Sample of(ControlLoop loop, long nanos) {
        return of(loop, nanos, true);
    }

    /**
     * The loop after its tick at {@code nanos}, the tick before having commanded
     * {@code previousCommandedPpm}: whether a rule sees its trip condition is asked of the rules
     * only on a start (0 before, not 0 now), the one tick the invariants look at it (asking every
     * rule on every tick cost a third of a simulated session), and is false on every other tick.
     */
    public static Sample of(ControlLoop loop, long nanos, int previousCommandedPpm) {
        return of(loop, nanos, previousCommandedPpm == 0 && loop.commandedPpm() != 0);
    }

    private static Sample of(ControlLoop loop, long nanos, boolean askRules) {
        Telemetry t = loop.telemetry();
        return new Sample(nanos, loop.state().name(), loop.level(), loop.targetPpm(), loop.commandedPpm(),
                t.measuredPpm(), t.currentAmps(), t.temperatureCelsius(), t.supplyVolts(), t.faults().bits(),
                loop.latchedFaultBits(), loop.derateLevel(), loop.runningNanos(), t.uptimeMillis(),
                askRules && loop.tripConditionPresent());
    }
}
