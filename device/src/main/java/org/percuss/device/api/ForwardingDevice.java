package org.percuss.device.api;

/**
 * A device that passes every call to another, for a wrapper that watches or records some of them
 * (in the manner of Guava's {@code ForwardingObject}): a subclass overrides what it adds to and
 * calls {@code super} for the device's own answer. Adds nothing itself.
 */
public abstract class ForwardingDevice implements PercussionDevice {

    /** The device every call goes to. */
    protected final PercussionDevice device;

    protected ForwardingDevice(PercussionDevice device) {
        this.device = device;
    }

    @Override
    public String name() {
        return device.name();
    }

    @Override
    public Capabilities capabilities() {
        return device.capabilities();
    }

    @Override
    public int commandSpeed(int targetPpm) {
        return device.commandSpeed(targetPpm);
    }

    @Override
    public void stop() {
        device.stop();
    }

    @Override
    public Telemetry telemetry() {
        return device.telemetry();
    }

    @Override
    public void requestClearFaults() {
        device.requestClearFaults();
    }

    @Override
    public ClearStatus clearStatus() {
        return device.clearStatus();
    }

    @Override
    public String faultDetail() {
        return device.faultDetail();
    }

    @Override
    public void close() {
        device.close();
    }
}
