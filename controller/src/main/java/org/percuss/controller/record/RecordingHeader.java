package org.percuss.controller.record;

import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.device.api.Capabilities;

/**
 * The self-describing start of a recording (JSON, docs/recording.md): which format and which
 * percuss wrote it, when, for which command, the device as the controller knew it (its name and
 * capabilities never change in a session), the configuration in force, and the session's zone and
 * options. Everything the control loop was built from; what entered it tick by tick follows.
 *
 * @param formatVersion the version of the format the records follow
 * @param percussVersion the version of percuss that recorded it
 * @param recordedAt when the recording began, ISO-8601 UTC
 * @param command the command line that recorded it, without {@code percuss}
 * @param title a line for plots and reports: the scenario's name, or the session's device
 * @param deviceName the device's {@code name()}
 * @param capabilities the device's {@code capabilities()}
 * @param config the configuration in force (with the command line's limit and warm-up applied)
 * @param session the zone and the session's own options
 */
public record RecordingHeader(int formatVersion, String percussVersion, String recordedAt, List<String> command,
                              String title, String deviceName, Capabilities capabilities, PercussConfig config,
                              RecordedSession session) {

    public RecordingHeader {
        command = List.copyOf(command);
    }

    /** This percuss's version, as {@code percuss --version} says it. */
    static String currentVersion() {
        String v = RecordingHeader.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** {@code percuss run --level 3 …}, for reports. */
    public String commandLine() {
        return "percuss " + String.join(" ", command);
    }
}
