package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.Durations;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.time.Ticker;

/**
 * Tells the user how the session goes. On a terminal: one live status line (state, running time
 * against the limit with a bar, level, target and measured speed), redrawn at most ten times a
 * wall-clock second. Elsewhere (a pipe, a file, CI): a line per state change and one every ten
 * simulated seconds. Warnings always get a line of their own.
 */
final class StatusReporter implements LoopListener {

    private static final long LINE_EVERY_NANOS = 10_000_000_000L;
    private static final long REDRAW_EVERY_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 20;
    private static final int MAX_SAFETY_LINES = 12;

    private final PrintWriter out;
    private final boolean live;
    private final Ticker wall;
    private ControlLoop loop;
    private String pendingWhy;
    private boolean stateChanged;
    private long nextLineNanos;
    private long nextRedrawNanos;
    private boolean liveLineShown;
    private final List<String> safetyLog = new ArrayList<>();
    private String derateReason = "";
    private Supplier<String> footer;
    private IntSupplier width = () -> 0;

    /**
     * @param out where to write
     * @param live whether {@code out} is a terminal that can redraw a line
     * @param wall the wall clock, to limit redraws
     */
    StatusReporter(PrintWriter out, boolean live, Ticker wall) {
        this.out = out;
        this.live = live;
        this.wall = wall;
    }

    void attach(ControlLoop loop) {
        this.loop = loop;
    }

    /**
     * On a terminal, draws {@code footer} (the key legend, or what the latest key did) on a line of
     * its own under the live status line; both lines are cut to {@code width} columns (0: as they are).
     */
    void footer(Supplier<String> footer, IntSupplier width) {
        this.footer = footer;
        this.width = width;
    }

    @Override
    public void stateChanged(LoopState from, LoopState to, String why) {
        stateChanged = true;
        if (!why.isEmpty()) {
            pendingWhy = why;
        }
    }

    @Override
    public void warning(String message) {
        clearLiveLine();
        out.println("warning: " + message);
        out.flush();
    }

    @Override
    public void safetyEvent(String message) {
        clearLiveLine();
        out.println("safety: " + message);
        out.flush();
        if (message.startsWith("derating to level")) {
            int colon = message.indexOf(": ");
            derateReason = colon < 0 ? "" : message.substring(colon + 2);
        }
        if (safetyLog.size() < MAX_SAFETY_LINES) {
            String at = loop == null ? "" : Durations.format(loop.elapsedNanos()) + " ";
            safetyLog.add("safety:       " + at + message);
        } else if (safetyLog.size() == MAX_SAFETY_LINES) {
            safetyLog.add("safety:       (more safety events in the log)");
        }
    }

    /** The session's derates and trips, for the summary. */
    List<String> safetyLog() {
        return List.copyOf(safetyLog);
    }

    /** Called after every tick. */
    void afterTick() {
        if (live) {
            long now = wall.nanos();
            if (stateChanged || now >= nextRedrawNanos) {
                nextRedrawNanos = now + REDRAW_EVERY_NANOS;
                if (stateChanged && pendingWhy != null && loop.state() != LoopState.WARM_UP) {
                    clearLiveLine();
                    out.println(loop.state().line(pendingWhy));
                }
                out.print(footer == null ? "\r\033[K" + fit(liveLine())
                        : "\r\033[J" + fit(liveLine()) + "\n" + fit(footer.get()) + "\033[1A\r");
                out.flush();
                liveLineShown = true;
                consumeChange();
            }
        } else if (stateChanged || loop.elapsedNanos() >= nextLineNanos) {
            while (nextLineNanos <= loop.elapsedNanos()) {
                nextLineNanos += LINE_EVERY_NANOS;
            }
            out.println(plainLine());
            out.flush();
            consumeChange();
        }
    }

    /**
     * Clears the live lines so that something else (a log line on standard error) can be written
     * where they were; they are drawn again after the next tick.
     */
    void makeRoom() {
        if (liveLineShown) {
            clearLiveLine();
            out.flush();
            stateChanged = true;
        }
    }

    /** Ends the live line before the summary. */
    void finish() {
        clearLiveLine();
        out.flush();
    }

    private void consumeChange() {
        stateChanged = false;
        pendingWhy = null;
    }

    private void clearLiveLine() {
        if (liveLineShown) {
            out.print(footer == null ? "\r\033[K" : "\r\033[J");
            liveLineShown = false;
        }
    }

    /** {@code line} cut to one column less than the terminal's width, so it never wraps. */
    private String fit(String line) {
        int w = width.getAsInt();
        return w <= 1 || line.length() < w ? line : line.substring(0, w - 1);
    }

    private String liveLine() {
        long running = loop.runningNanos();
        long limit = loop.sessionLimitNanos();
        int filled = (int) Math.min(BAR_WIDTH, running * BAR_WIDTH / Math.max(1, limit));
        return String.format("%-14s %s / %s [%s%s]  level %d  target %4d  measured %4d ppm%s",
                loop.state().label(), Durations.format(running), Durations.format(limit),
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), loop.level(), loop.targetPpm(),
                loop.telemetry().measuredPpm(), derateNote());
    }

    private String plainLine() {
        String why = pendingWhy == null ? "" : "  (" + pendingWhy + ")";
        return String.format("[%8.2f s] %-14s running %s / %s  level %d  target %4d  commanded %4d  measured %4d ppm%s%s",
                loop.elapsedNanos() / 1e9, loop.state().label(), Durations.format(loop.runningNanos()),
                Durations.format(loop.sessionLimitNanos()), loop.level(), loop.targetPpm(), loop.commandedPpm(),
                loop.telemetry().measuredPpm(), derateNote(), why);
    }

    private String derateNote() {
        int derate = loop.derateLevel();
        return derate == 0 ? "" : "  derated to level " + derate + (derateReason.isEmpty() ? "" : " (" + derateReason + ")");
    }
}
