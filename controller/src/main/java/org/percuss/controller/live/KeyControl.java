package org.percuss.controller.live;

import org.percuss.device.time.Ticker;

/**
 * The terminal's keys, as bytes read in raw mode, turned into requests on {@link LiveControl}:
 * {@code +}/{@code -} level, space pause or resume, {@code e} or Esc emergency stop, {@code c}
 * clear, {@code q} end the session. In raw mode the terminal sends Ctrl-C and Ctrl-\ as bytes
 * rather than signals: Ctrl-C ends the session as SIGINT does, and Ctrl-\ as {@code q} does (the
 * JVM cannot handle SIGQUIT itself). What a key did, or why it was refused, shows for a few seconds
 * in place of the key legend under the status line.
 *
 * <p>A lone Esc stops at once, never waiting to see whether more bytes follow; the escape sequences
 * of other keys (arrows, function keys) arrive in one read and are skipped whole. One thread (the
 * terminal's reader) calls {@link #keys}; any thread may call {@link #footer()}.
 */
public final class KeyControl {

    /** The key legend, one line. */
    public static final String LEGEND = "keys: + - level   space pause/resume   e or Esc EMERGENCY STOP   c clear   q quit";
    /** How long a key's answer shows, in wall-clock time. */
    static final long NOTICE_NANOS = 4_000_000_000L;

    private static final int ESC = 0x1b;
    private static final int CTRL_C = 0x03;
    private static final int CTRL_BACKSLASH = 0x1c;

    private final LiveControl control;
    private final Runnable quit;
    private final Ticker wall;
    private volatile String notice;
    private volatile long noticeUntilNanos;

    /**
     * @param control where requests go
     * @param quit ends the session and what follows it (q, Ctrl-C, Ctrl-\)
     * @param wall the wall clock, for how long an answer shows
     */
    public KeyControl(LiveControl control, Runnable quit, Ticker wall) {
        this.control = control;
        this.quit = quit;
        this.wall = wall;
    }

    /** Handles {@code n} bytes the terminal sent, in order. */
    public void keys(byte[] bytes, int n) {
        int i = 0;
        while (i < n) {
            int b = bytes[i] & 0xff;
            if (b == ESC && i + 1 < n && (bytes[i + 1] == '[' || bytes[i + 1] == 'O')) {
                i = skipSequence(bytes, i + 2, n);
                continue;
            }
            key(b);
            i++;
        }
    }

    /** Past the escape sequence whose parameters start at {@code from}: its final byte is in 0x40..0x7e. */
    private static int skipSequence(byte[] bytes, int from, int n) {
        int i = from;
        while (i < n && (bytes[i] < 0x40 || bytes[i] > 0x7e)) {
            i++;
        }
        return Math.min(n, i + 1);
    }

    private void key(int b) {
        switch (b) {
            case '+', '=' -> show(control.levelUp());
            case '-', '_' -> show(control.levelDown());
            case ' ' -> show(control.pauseOrResume());
            case 'e', 'E', ESC -> show(control.emergencyStop());
            case 'c', 'C' -> show(control.clearFaults());
            case 'q', 'Q', CTRL_C, CTRL_BACKSLASH -> quit.run();
            default -> {
                if (b >= 0x20 && b < 0x7f) {
                    notice("no action on '" + (char) b + "'");
                }
            }
        }
    }

    private void show(Outcome o) {
        notice(o.kind() == Outcome.Kind.DONE ? o.message() : "refused: " + o.message());
    }

    private void notice(String text) {
        noticeUntilNanos = wall.nanos() + NOTICE_NANOS;
        notice = text;
    }

    /** The line under the status line: the latest answer while it is fresh, else the legend. */
    public String footer() {
        String n = notice;
        return n != null && wall.nanos() < noticeUntilNanos ? n : LEGEND;
    }
}
