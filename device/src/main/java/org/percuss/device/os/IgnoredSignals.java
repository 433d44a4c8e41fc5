package org.percuss.device.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives back the signals that end a session when the process was started with them ignored. A
 * program started by {@code nohup}, or as a background job of a script (a non-interactive shell
 * starts those with SIGINT ignored), inherits "ignore" for those signals, and the JVM then declines
 * a handler for them without a word ({@code Signal.handle} returns as if it had installed one) — so
 * Ctrl-C, a closed terminal or a {@code kill -INT} would leave the motor running to its limit. A
 * motor must not outlive the terminal or the script that controls it, so before its handlers go in
 * the session puts each ignored one back to the default, and the handler then takes it. Uses JNA
 * (libc's {@code signal}); a no-op off POSIX systems or where libc cannot be reached.
 */
public final class IgnoredSignals {

    private static final Pointer SIG_DFL = new Pointer(0);
    private static final Pointer SIG_IGN = new Pointer(1);

    /** libc's {@code signal}. */
    interface LibC extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    /** A stop signal by name and its number (the same on Linux and macOS). */
    private enum Stop {
        HUP(1), INT(2), TERM(15);

        final int number;

        Stop(int number) {
            this.number = number;
        }
    }

    private IgnoredSignals() {}

    /**
     * Sets each of SIGHUP, SIGINT and SIGTERM that is ignored now back to its default disposition,
     * leaving any other handler alone.
     *
     * @return the names of those that were ignored (empty where nothing was, or nothing could be done)
     */
    public static List<String> unignoreStopSignals() {
        List<String> were = new ArrayList<>();
        if (!Platform.isLinux() && !Platform.isMac()) {
            return were;
        }
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (LinkageError | RuntimeException e) {
            return were;
        }
        for (Stop s : Stop.values()) {
            Pointer current = libc.signal(s.number, SIG_DFL);
            if (SIG_IGN.equals(current)) {
                were.add(s.name());
            } else {
                libc.signal(s.number, current); // not ignored: put back whatever was there
            }
        }
        return were;
    }
}
