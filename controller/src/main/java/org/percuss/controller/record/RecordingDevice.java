package org.percuss.controller.record;

import org.percuss.device.api.Capabilities;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;

/**
 * The device as the control loop sees it while it is recorded: every call passes to the real
 * device, and every answer the loop depends on (the telemetry it read, what a command was answered
 * with, a clear's status, a failure) goes to the {@link Recorder} on its way back. Adds nothing to
 * what the device does.
 */
final class RecordingDevice implements PercussionDevice {

    private final PercussionDevice device;
    private final Recorder recorder;

    RecordingDevice(PercussionDevice device, Recorder recorder) {
        this.device = device;
        this.recorder = recorder;
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
    public void stop() {
        device.stop();
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

    @Override
    public void close() {
        device.close();
    }
}
