package org.percuss.controller.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingInputStream;
import org.percuss.controller.live.KeyControl;

/**
 * The terminal in raw mode for the length of a session, its keys read on a thread of their own and
 * handed to a {@link KeyControl}. Raw here means: no line buffering, no echo, and no signals from
 * the keyboard (Ctrl-C and Ctrl-\ arrive as bytes, and {@code KeyControl} ends the session for
 * them); output processing stays on, so the status line and the summary print as before.
 *
 * <p>The terminal's own settings come back on every way out: {@link #close()} on a normal end, a
 * safety stop, a signal or an exception (the command closes it in a finally); JLine's shutdown hook
 * on {@code System.exit}; {@link #restore()} before a forced halt. JLine is told to leave the JVM's
 * signal handlers alone, so SIGINT, SIGTERM and SIGHUP still reach the session's own handlers.
 */
public final class TerminalKeys implements AutoCloseable {

    /** How long a read waits before the reader looks whether it should stop. */
    private static final long POLL_MILLIS = 100;

    private final Terminal terminal;
    private final Attributes original;
    private final Thread reader;
    private volatile boolean closed;
    private volatile int width;

    private TerminalKeys(Terminal terminal, KeyControl keys, PrintWriter err) {
        this.terminal = terminal;
        this.original = terminal.getAttributes();
        Attributes raw = new Attributes(original);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN, LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR), false);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        terminal.setAttributes(raw);
        this.width = terminal.getWidth();
        this.reader = new Thread(() -> read(keys, err), "percuss-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The terminal of this process in raw mode, its keys going to {@code keys}; null, after one line
     * on {@code err} saying so, when it cannot be had (the session then goes on without keys).
     */
    public static TerminalKeys open(KeyControl keys, PrintWriter err) {
        Terminal terminal = null;
        try {
            terminal = TerminalBuilder.builder().system(true).dumb(false).nativeSignals(false)
                    .signalHandler(Terminal.SignalHandler.SIG_DFL).graphemeCluster(false).build();
            return new TerminalKeys(terminal, keys, err);
        } catch (IOException | RuntimeException | LinkageError e) {
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException | RuntimeException ignored) {
                    // giving up on it anyway
                }
            }
            err.println("keys: the terminal cannot be read key by key (" + e.getMessage()
                    + "); Ctrl-C ends the session");
            err.flush();
            return null;
        }
    }

    private void read(KeyControl keys, PrintWriter err) {
        NonBlockingInputStream in = (NonBlockingInputStream) terminal.input();
        byte[] buffer = new byte[64];
        try {
            while (!closed) {
                int n = in.readBuffered(buffer, POLL_MILLIS);
                width = terminal.getWidth();
                if (n == NonBlockingInputStream.EOF) {
                    return; // the terminal is gone (SIGHUP follows)
                }
                if (n > 0 && !closed) {
                    keys.keys(buffer, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                err.println("keys: reading the terminal failed (" + e.getMessage() + "); Ctrl-C still ends the session");
                err.flush();
            }
        }
    }

    /** The terminal's width in columns, as of the latest read; 0 when it does not say. */
    public int width() {
        return width;
    }

    /** Gives the terminal its own settings back (before a forced halt, which runs no shutdown hooks). */
    public void restore() {
        try {
            terminal.setAttributes(original);
        } catch (RuntimeException e) {
            // the terminal may be gone; nothing more can be done
        }
    }

    /** Stops reading keys and gives the terminal its own settings back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        restore();
        try {
            reader.join(2 * POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // its settings are restored already
        }
    }
}
