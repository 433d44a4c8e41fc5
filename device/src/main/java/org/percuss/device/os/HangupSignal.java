package org.percuss.device.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Keeps SIGHUP reaching its handler across the opening of a serial port. jSerialComm's native code
 * sets SIGHUP to "ignore" for the whole process when it opens a port (a terminal's hang-up must
 * not kill a program that merely uses one), and once a signal is ignored the JVM refuses to
 * handle it again — so a dropped SSH session to a Pi left the motor running to its limit (issue
 * 10). {@link #capture()} notes the handler in place before the port opens; {@link #restore()}
 * puts it back afterwards. Uses JNA (libc's {@code signal}); a no-op where that is not available.
 */
public final class HangupSignal {

    private static final int SIGHUP = 1;
    private static final Pointer SIG_IGN = new Pointer(1);

    /** libc's {@code signal}. */
    interface LibC extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    private final LibC libc;
    private final Pointer handler;

    private HangupSignal(LibC libc, Pointer handler) {
        this.libc = libc;
        this.handler = handler;
    }

    /** The SIGHUP handler in place now (read by setting and at once restoring it). */
    public static HangupSignal capture() {
        if (!Platform.isLinux() && !Platform.isMac()) {
            return new HangupSignal(null, null);
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            Pointer current = libc.signal(SIGHUP, SIG_IGN);
            libc.signal(SIGHUP, current);
            return new HangupSignal(libc, current);
        } catch (LinkageError | RuntimeException e) {
            return new HangupSignal(null, null);
        }
    }

    /**
     * Puts the captured handler back if something set SIGHUP to "ignore" since.
     *
     * @return whether it had to
     */
    public boolean restore() {
        if (libc == null || handler == null || SIG_IGN.equals(handler)) {
            return false;
        }
        Pointer now = libc.signal(SIGHUP, handler);
        return SIG_IGN.equals(now);
    }
}
