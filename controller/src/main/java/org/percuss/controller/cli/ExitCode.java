package org.percuss.controller.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.percuss.controller.loop.StopReason;

/**
 * The exit codes of {@code percuss} (DESIGN.md): what a script can tell from how a run ended. The
 * one list of them: the help of every command shows the codes it can end with from here.
 */
public enum ExitCode {
    /** A normal end: the limit was reached, the user interrupted, the zone budget ended it. */
    OK(0, "normal end: the limit reached or interrupted (run), every expectation held (simulate), identical (replay)"),
    /** A scenario expectation failed ({@code percuss simulate}), or a replay diverged ({@code percuss replay}). */
    EXPECTATION_FAILED(1, "an expectation or invariant failed (simulate), the replay diverged (replay)"),
    /** A usage or configuration error: nothing was started. */
    USAGE(2, "usage or config error, or a file that is not a usable recording: one line names the option or the file and what is wrong"),
    /** The device or its link failed, or an output file could not be written. */
    DEVICE(3, "device, link or output error (the message names the port or the file)"),
    /** A safety stop: a fault or the emergency stop. */
    SAFETY_STOP(4, "safety stop: a fault or the emergency stop, named");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process's exit status. */
    public int code() {
        return code;
    }

    /** What it means, for the help. */
    public String meaning() {
        return meaning;
    }

    /** The exit code for a session that ended for {@code reason}. */
    public static ExitCode of(StopReason reason) {
        return switch (reason) {
            case SESSION_LIMIT, ZONE_BUDGET, INTERRUPTED -> OK;
            case LINK_LOST, OUTPUT_ERROR -> DEVICE;
            case FAULT, EMERGENCY_STOP -> SAFETY_STOP;
        };
    }

    /** The help's list of {@code codes}: code → meaning, in order. */
    static Map<String, String> list(ExitCode... codes) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode c : codes) {
            list.put(Integer.toString(c.code), c.meaning);
        }
        return list;
    }
}
