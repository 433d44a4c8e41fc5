package org.percuss.controller.loop;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;

/**
 * A device whose every answer the test sets: the telemetry in hand, the answer to a clear, a link
 * that fails. Records what the loop asked of it. Sensors: all but buttons, unless told.
 */
final class ScriptedDevice implements PercussionDevice {

    Capabilities capabilities = new Capabilities(1000, 3500, EnumSet.complementOf(EnumSet.of(Capability.BUTTONS)), 250, 20);
    Telemetry telemetry = report(0);
    ClearStatus clearStatus = ClearStatus.NONE;
    /** The message of the {@link DeviceException} the next call to the link throws, or null. */
    String linkFailure;
    /** What {@link #commandSpeed} answers instead of the speed asked, or -1 for the speed asked. */
    int holdsAt = -1;
    final List<Integer> commands = new ArrayList<>();
    int clearRequests;
    int stops;
    int clearStatusReads;

    /** A healthy, moving report received at {@code nanos}. */
    static Telemetry report(long nanos) {
        return new Telemetry(nanos, 0, 1.0, 30, 16, Inputs.NONE.with(Input.MOTION, true), FaultSet.NONE, nanos / 1_000_000);
    }

    /** A fresh healthy report at {@code nanos} with these faults and values. */
    void report(long nanos, int measuredPpm, FaultSet faults) {
        telemetry = new Telemetry(nanos, measuredPpm, 1.0, 30, 16, Inputs.NONE.with(Input.MOTION, true), faults,
                nanos / 1_000_000);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public int commandSpeed(int targetPpm) {
        if (linkFailure != null) {
            throw new DeviceException(linkFailure);
        }
        commands.add(targetPpm);
        return holdsAt >= 0 ? holdsAt : targetPpm;
    }

    @Override
    public void stop() {
        stops++;
    }

    @Override
    public Telemetry telemetry() {
        return telemetry;
    }

    @Override
    public void requestClearFaults() {
        if (linkFailure != null) {
            throw new DeviceException(linkFailure);
        }
        clearRequests++;
        clearStatus = ClearStatus.PENDING;
    }

    @Override
    public ClearStatus clearStatus() {
        clearStatusReads++;
        return clearStatus;
    }

    @Override
    public void close() {
    }

    int lastCommand() {
        return commands.isEmpty() ? -1 : commands.get(commands.size() - 1);
    }
}
