package org.percuss.controller.record;

import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.ForwardingDevice;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;

/**
 * The device as the control loop sees it while it is recorded: every call passes to the real
 * device, and every answer the loop depends on (the telemetry it read, what a command was answered
 * with, a clear's status, a failure, what it says of its faults) goes to the {@link Recorder} on
 * its way back. Adds nothing to what the device does.
 */
final class RecordingDevice extends ForwardingDevice {

    private final Recorder recorder;
    private String faultDetail = "";

    RecordingDevice(PercussionDevice device, Recorder recorder) {
        super(device);
        this.recorder = recorder;
    }

    @Override
    public int commandSpeed(int targetPpm) {
        int answered;
        try {
            answered = device.commandSpeed(targetPpm);
        } catch (DeviceException e) {
            recorder.commandAnswered(targetPpm, 0);
            recorder.deviceError(RecordFormat.CALL_COMMAND_SPEED, e.getMessage());
            throw e;
        }
        recorder.commandAnswered(targetPpm, answered);
        return answered;
    }

    @Override
    public Telemetry telemetry() {
        Telemetry t = device.telemetry();
        recorder.telemetryRead(t);
        return t;
    }

    @Override
    public void requestClearFaults() {
        recorder.clearRequested();
        try {
            device.requestClearFaults();
        } catch (DeviceException e) {
            recorder.deviceError(RecordFormat.CALL_CLEAR_FAULTS, e.getMessage());
            throw e;
        }
    }

    @Override
    public ClearStatus clearStatus() {
        ClearStatus s = device.clearStatus();
        recorder.clearStatusRead(s);
        return s;
    }

    /**
     * The device's answer, recorded when it differs from its previous one: read on every tick
     * while the device reports a fault, it changes a few times a session.
     */
    @Override
    public String faultDetail() {
        String detail = device.faultDetail();
        if (!detail.equals(faultDetail)) {
            recorder.faultDetailRead(detail);
            faultDetail = detail;
        }
        return detail;
    }
}
