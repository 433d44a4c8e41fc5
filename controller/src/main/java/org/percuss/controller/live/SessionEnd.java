package org.percuss.controller.live;

import java.util.List;

/**
 * How a session ended, for the page: the summary the terminal printed, line by line, and the exit
 * code the command ends with.
 *
 * @param stopped why it stopped, in words
 * @param runningSeconds its running time
 * @param topCommandedPpm the fastest speed commanded
 * @param topMeasuredPpm the fastest speed measured
 * @param exitCode the exit code of {@code percuss run}
 * @param summary the summary as printed, one line each
 */
public record SessionEnd(String stopped, double runningSeconds, int topCommandedPpm, int topMeasuredPpm, int exitCode,
                         List<String> summary) {

    public SessionEnd {
        summary = List.copyOf(summary);
    }
}
