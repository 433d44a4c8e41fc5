package org.percuss.controller.timing;

import org.percuss.device.api.ForwardingDevice;
import org.percuss.device.api.Input;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.time.Ticker;

/**
 * The device as the loop drives it, watched at its command side for an emergency-stop trial:
 * once {@link #arm armed}, it notes the device-clock time of the first report the loop reads with
 * the e-stop input active, and the wall time at which the first zero command after that report
 * has been delivered (SET_SPEED 0 or STOP). Everything else passes through. Allocates nothing.
 */
final class TimedDevice extends ForwardingDevice {

    private final Ticker wall;
    private boolean armed;
    private boolean reportSeen;
    private long reportNanos;
    private boolean zeroSeen;
    private long zeroWallNanos;

    TimedDevice(PercussionDevice device, Ticker wall) {
        super(device);
        this.wall = wall;
    }

    /** Starts watching for a trial's report and zero command. */
    void arm() {
        armed = true;
        reportSeen = false;
        zeroSeen = false;
    }

    /** Stops watching. */
    void disarm() {
        armed = false;
    }

    /** Whether the zero command after the e-stop report has gone out. */
    boolean zeroSeen() {
        return zeroSeen;
    }

    /** When the loop's first read report with the e-stop active was received, on the device's clock. */
    long reportNanos() {
        return reportNanos;
    }

    /** When the zero command had been delivered, on the wall clock. */
    long zeroWallNanos() {
        return zeroWallNanos;
    }

    @Override
    public int commandSpeed(int targetPpm) {
        int sent = super.commandSpeed(targetPpm);
        if (sent == 0) {
            zero();
        }
        return sent;
    }

    @Override
    public void stop() {
        super.stop();
        zero();
    }

    private void zero() {
        if (armed && reportSeen && !zeroSeen) {
            zeroWallNanos = wall.nanos();
            zeroSeen = true;
        }
    }

    @Override
    public Telemetry telemetry() {
        Telemetry t = super.telemetry();
        if (armed && !reportSeen && t.inputs().isActive(Input.EMERGENCY_STOP)) {
            reportSeen = true;
            reportNanos = t.receivedNanos();
        }
        return t;
    }
}
