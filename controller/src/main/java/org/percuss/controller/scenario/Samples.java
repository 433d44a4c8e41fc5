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
        Telemetry t = loop.telemetry();
        return new Sample(nanos, loop.state().name(), loop.level(), loop.targetPpm(), loop.commandedPpm(),
                t.measuredPpm(), t.currentAmps(), t.temperatureCelsius(), t.supplyVolts(), t.faults().bits(),
                loop.latchedFaultBits(), loop.derateLevel(), loop.runningNanos(), t.uptimeMillis(),
                loop.tripConditionPresent());
    }
}
