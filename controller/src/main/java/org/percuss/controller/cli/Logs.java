package org.percuss.controller.cli;

/**
 * The command line's logging (slf4j-simple, configured in {@code simplelogger.properties}), where
 * a command must change it.
 */
final class Logs {

    private Logs() {
    }

    /**
     * Silences the control loop's own log lines (a safety stop, a derate) for the rest of this
     * process: when a recording is replayed they are the recorded session's, which its report
     * already tells. slf4j-simple reads a logger's level when the logger is made, so this must run
     * before the first control loop of the process is.
     */
    static void quietController() {
        System.setProperty("org.slf4j.simpleLogger.log.org.percuss.controller", "off");
    }
}
