package org.percuss.controller.loop;

import org.percuss.controller.safety.SafetyContext;
import org.percuss.controller.safety.SafetySupervisor;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;

/**
 * Clearing latched faults, across ticks, without waiting in any (issue 11). A clear is refused at
 * once while the link is lost or any safety rule still sees its trip condition on the telemetry in
 * hand — the device's own limits are looser, so its word alone must never restart a motor whose
 * cause is still there; otherwise the device is asked, and its answer is taken on a later tick.
 * The latch is cleared only when the device cleared its own, its fresh report shows no fault, no
 * rule sees a condition, nothing tripped meanwhile (not even a fault already latched, tripping
 * again), and no emergency stop came on that tick.
 * A start asked together with the clear waits for it and is void if it fails.
 */
final class FaultClearing {

    private final PercussionDevice device;
    private final SafetySupervisor supervisor;
    private final SafetyContext context;
    private boolean pending;
    private long tripsAtRequest;
    private boolean startAfter;

    FaultClearing(PercussionDevice device, SafetySupervisor supervisor, SafetyContext context) {
        this.device = device;
        this.supervisor = supervisor;
        this.context = context;
    }

    /**
     * A clear requested on this tick. {@code latchedBefore} is what was latched before the tick (a
     * clear applies to what the user saw, never to a trip of this same tick).
     */
    void request(Telemetry telemetry, long now, int latchedBefore, boolean emergencyStopNow) {
        if (!supervisor.hasLatched()) {
            return;
        }
        if (emergencyStopNow) {
            context.warn("faults not cleared: the emergency stop was pressed on this tick");
        } else if (supervisor.latchedBits() != latchedBefore) {
            context.warn("faults not cleared: a new one latched on this tick; clear again");
        } else if (supervisor.hasLatched(Fault.LINK_LOST)) {
            context.warn("cannot clear faults: the link to " + device.name() + " is lost");
        } else {
            String present = supervisor.tripConditionPresent(telemetry, now, context);
            if (present != null) {
                context.warn("faults not cleared: " + present);
                return;
            }
            try {
                device.requestClearFaults();
            } catch (DeviceException e) {
                supervisor.trip(Fault.LINK_LOST, e.getMessage());
                return;
            }
            pending = true;
            tripsAtRequest = supervisor.trips();
        }
    }

    /** A start asked while a clear is under way: it waits for the answer. */
    void startWhenCleared() {
        if (pending) {
            startAfter = true;
        }
    }

    /** The device's answer to a pending clear, if it has come; clears the latch only on a clean one. */
    void settle(Telemetry telemetry, long now, boolean emergencyStopNow) {
        if (!pending) {
            return;
        }
        switch (device.clearStatus()) {
            case PENDING, NONE -> {
                return;
            }
            case REFUSED -> context.warn("faults not cleared: " + device.name() + " reports a fault condition still present");
            case NO_ANSWER -> context.warn("faults not cleared: " + device.name() + " did not answer the clear");
            case CLEARED -> accept(telemetry, now, emergencyStopNow);
        }
        pending = false;
        if (supervisor.hasLatched()) {
            startAfter = false; // the clear failed: a start asked with it is void
        }
    }

    private void accept(Telemetry telemetry, long now, boolean emergencyStopNow) {
        int stillReported = telemetry.faults().bits() & Fault.WIRE_MASK;
        String present = supervisor.tripConditionPresent(telemetry, now, context);
        if (stillReported != 0) {
            context.warn("faults not cleared: " + device.name() + " still reports " + new FaultSet(stillReported).describe());
        } else if (emergencyStopNow) {
            context.warn("faults not cleared: the emergency stop was pressed on this tick");
        } else if (supervisor.trips() != tripsAtRequest) {
            // not just a new fault: one already latched tripping again (the device restarted again) voids it too
            context.warn("faults not cleared: a fault tripped while the clear was under way; clear again");
        } else if (present != null) {
            context.warn("faults not cleared: " + present);
        } else {
            supervisor.clear(now);
        }
    }

    /** Whether a start asked with the clear now goes ahead; forgets it either way. */
    boolean takeStart() {
        boolean start = startAfter;
        startAfter = false;
        return start;
    }

    /** Whether a clear waits for the device's answer ({@link ClearStatus#PENDING}). */
    boolean pending() {
        return pending;
    }
}
