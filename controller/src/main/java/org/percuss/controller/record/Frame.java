package org.percuss.controller.record;

import java.util.List;
import java.util.Optional;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.StopReason;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Telemetry;

/**
 * One recorded tick: what entered it and what it decided.
 *
 * @param index the tick's number, from 1
 * @param nanos when it ran, on the session's ticker
 * @param telemetry the telemetry it read (the latest report by then)
 * @param newTelemetry whether that report was new on this tick
 * @param requests the requests it took, as {@code Request} bits
 * @param requestedLevel the level of a LEVEL request
 * @param finish the reason of a FINISH request
 * @param clearReads the answers of the device's {@code clearStatus()}, in the order the tick read them
 * @param clearRequested whether the tick asked the device to clear its faults
 * @param commandError the failure {@code commandSpeed} threw, if it did
 * @param clearError the failure {@code requestClearFaults} threw, if it did
 * @param state the state the tick left the loop in
 * @param level the level selected
 * @param targetPpm where the speed profile was heading
 * @param commandedPpm what {@code commandSpeed} answered (0 after a failure)
 * @param askedPpm what {@code commandSpeed} was asked
 * @param latchedBits the faults latched, as {@code FaultSet} bits
 * @param derateLevel the level a safety rule held the speed to, or 0
 * @param messages what the loop told its listener, in order
 * @param notes notes written beside the tick (a scenario's steps)
 * @param faultDetails the device's {@code faultDetail()} answers that differed from the one before
 *     (from empty), in the order the tick read them
 */
public record Frame(int index, long nanos, Telemetry telemetry, boolean newTelemetry, int requests, int requestedLevel,
                    StopReason finish, List<ClearStatus> clearReads, boolean clearRequested, Optional<String> commandError,
                    Optional<String> clearError, LoopState state, int level, int targetPpm, int commandedPpm, int askedPpm,
                    int latchedBits, int derateLevel, List<Message> messages, List<String> notes,
                    List<String> faultDetails) {

    public Frame {
        clearReads = List.copyOf(clearReads);
        faultDetails = List.copyOf(faultDetails);
        messages = List.copyOf(messages);
        notes = List.copyOf(notes);
    }
}
