package org.percuss.device.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * SIGQUIT (Ctrl-\ on a terminal) during a session. The JVM reserves it for its thread dump, which
 * it prints on the user's terminal and then goes on as if nothing happened, and it refuses a Java
 * handler for it ({@code Signal already used by VM or OS}); a native handler that called back into
 * Java would not be safe in a signal's context. So while a session runs it is ignored outright (no
 * dump on the terminal, the motor unaffected), and the JVM's own handler is restored afterwards;
 * the ways out are Ctrl-C (SIGINT), SIGTERM, SIGHUP, and on a terminal the {@code q} key (which
 * also takes Ctrl-\ as a key). Uses JNA, like the rest of this package. A no-op
 * off POSIX systems or where libc cannot be reached.
 */
public final class QuitSignal implements AutoCloseable {

    private static final int SIGQUIT = 3;
    private static final Pointer SIG_IGN = new Pointer(1);

    /** libc's {@code signal}, the one call this needs. */
    interface LibC extends Library {
        Pointer signal(int signal, Pointer handler);
    }

    private final LibC libc;
    private final Pointer previous;

    private QuitSignal(LibC libc, Pointer previous) {
        this.libc = libc;
        this.previous = previous;
    }

    /** Ignores SIGQUIT until {@link #close()}; nothing happens where that cannot be done. */
    public static QuitSignal ignore() {
        if (!Platform.isLinux() && !Platform.isMac()) {
            return new QuitSignal(null, null);
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            return new QuitSignal(libc, libc.signal(SIGQUIT, SIG_IGN));
        } catch (LinkageError | RuntimeException e) {
            return new QuitSignal(null, null);
        }
    }

    /** Whether SIGQUIT is being ignored. */
    public boolean active() {
        return libc != null;
    }

    /** Gives SIGQUIT back to the JVM's own handler. */
    @Override
    public void close() {
        if (libc != null && previous != null) {
            libc.signal(SIGQUIT, previous);
        }
    }
}
