package org.percuss.controller.record;

import org.percuss.device.api.Capabilities;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;

/**
 * The recorded device, answering the replayed loop exactly as the real one answered the recorded
 * loop, tick by tick: the telemetry it had, what a command was answered with, a clear's status, the
 * failures it threw, what it said of its faults. It touches no hardware. While the replay agrees
 * with the recording the answers are exact; after a divergence ("open loop") they are the
 * recording's as far as they can be: the telemetry does not answer the new commands, a command is
 * answered with what was asked unless the device held a stop, and a clear the recording never asked
 * for stays pending.
 */
final class ReplayDevice implements PercussionDevice {

    private final String name;
    private final Capabilities capabilities;
    private Telemetry telemetry;
    private Frame frame;
    private int clearRead;
    private int faultDetailRead;
    private String faultDetail = "";
    private ClearStatus clearStatus = ClearStatus.NONE;
    private int asked;
    private boolean clearRequested;

    ReplayDevice(String name, Capabilities capabilities, Telemetry initial) {
        this.name = name;
        this.capabilities = capabilities;
        this.telemetry = initial;
    }

    /** The tick {@code f} begins: its answers from now on. */
    void enter(Frame f) {
        frame = f;
        telemetry = f.telemetry();
        clearRead = 0;
        faultDetailRead = 0;
        asked = -1;
        clearRequested = false;
    }

    /** What the tick asked {@code commandSpeed} for, or -1 when it did not call it. */
    int asked() {
        return asked;
    }

    /** Whether the tick asked for a clear. */
    boolean clearRequested() {
        return clearRequested;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public int commandSpeed(int targetPpm) {
        asked = targetPpm;
        if (frame.commandError().isPresent()) {
            throw new DeviceException(frame.commandError().get());
        }
        if (targetPpm == frame.askedPpm()) {
            return frame.commandedPpm();
        }
        // open loop: a device that held a stop holds it whatever it is asked
        return frame.commandedPpm() == 0 && frame.askedPpm() != 0 ? 0 : targetPpm;
    }

    @Override
    public void stop() {
        // nothing to stop: the motor is the recording's
    }

    @Override
    public Telemetry telemetry() {
        return telemetry;
    }

    @Override
    public void requestClearFaults() {
        clearRequested = true;
        if (frame.clearError().isPresent()) {
            throw new DeviceException(frame.clearError().get());
        }
        clearStatus = ClearStatus.PENDING;
    }

    @Override
    public ClearStatus clearStatus() {
        if (clearRead < frame.clearReads().size()) {
            clearStatus = frame.clearReads().get(clearRead++);
        }
        return clearStatus;
    }

    /** The tick's recorded answers in order (each one a change), then the last one given. */
    @Override
    public String faultDetail() {
        if (faultDetailRead < frame.faultDetails().size()) {
            faultDetail = frame.faultDetails().get(faultDetailRead++);
        }
        return faultDetail;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
