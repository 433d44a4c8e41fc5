package org.percuss.controller.campaign;

import java.util.function.Consumer;
import org.percuss.device.api.FaultSet;
import org.percuss.simulator.scenario.Sample;

/**
 * A session's closest approach to each safety limit, from its ticks as the controller saw them:
 * the highest temperature and current, the lowest supply, and when a fault was first latched.
 * Keeps a few numbers; allocates nothing per tick.
 */
final class SessionMeasures implements Consumer<Sample> {

    private double topTemperature = Double.NEGATIVE_INFINITY;
    private double topCurrent = Double.NEGATIVE_INFINITY;
    private double lowestSupply = Double.POSITIVE_INFINITY;
    private double tripSeconds = Double.NaN;
    private int tripBits;
    private String endState = "";

    @Override
    public void accept(Sample s) {
        topTemperature = Math.max(topTemperature, s.temperatureCelsius());
        topCurrent = Math.max(topCurrent, s.currentAmps());
        lowestSupply = Math.min(lowestSupply, s.supplyVolts());
        if (Double.isNaN(tripSeconds) && s.latchedFaultBits() != 0) {
            tripSeconds = s.seconds();
            tripBits = s.latchedFaultBits();
        }
        endState = s.state();
    }

    double topTemperature() {
        return topTemperature;
    }

    double topCurrent() {
        return topCurrent;
    }

    double lowestSupply() {
        return lowestSupply;
    }

    double tripSeconds() {
        return tripSeconds;
    }

    /** The faults first latched: {@code OVER_TEMPERATURE+STALL}, empty for none. */
    String tripFaults() {
        StringBuilder b = new StringBuilder();
        new FaultSet(tripBits).faults().forEach(f -> b.append(b.isEmpty() ? "" : "+").append(f.name()));
        return b.toString();
    }

    String endState() {
        return endState;
    }
}
