package org.percuss.controller.loop;

import org.percuss.controller.safety.SafetyContext;
import org.percuss.device.api.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the safety rules may see of the control loop, and where their warnings go. Allocates nothing. */
final class LoopContext implements SafetyContext {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

    private final ControlLoop loop;
    private final LoopListener listener;

    LoopContext(ControlLoop loop, LoopListener listener) {
        this.loop = loop;
        this.listener = listener;
    }

    @Override
    public int commandedPpm() {
        return loop.commandedPpm();
    }

    @Override
    public boolean motorOn() {
        return loop.state().motorOn();
    }

    @Override
    public int firstLevel() {
        return loop.bounds().firstLevel();
    }

    @Override
    public int lastLevel() {
        return loop.bounds().lastLevel();
    }

    @Override
    public int ppmOf(int level) {
        return loop.bounds().ppmOf(level);
    }

    @Override
    public boolean has(Capability capability) {
        return loop.device().capabilities().has(capability);
    }

    @Override
    public String deviceFaultDetail() {
        return loop.device().faultDetail();
    }

    @Override
    public long telemetryPeriodNanos() {
        return loop.device().capabilities().telemetryPeriodMillis() * 1_000_000L;
    }

    @Override
    public void warn(String message) {
        LOG.warn(message);
        listener.warning(message);
    }

    @Override
    public void event(String message) {
        listener.safetyEvent(message);
    }
}
