package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.percuss.controller.campaign.CampaignRunner;
import org.percuss.device.time.Ticker;

/**
 * A campaign's progress on one live terminal line: sessions done, the rate, the time left;
 * redrawn at most four times a second, cleared at the end. Only on a terminal (a pipe or a file
 * gets the summary alone).
 */
final class CampaignProgress implements CampaignRunner.Progress {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final Ticker ticker;
    private final long start;
    private long lastDrawn;
    private boolean drawn;

    CampaignProgress(PrintWriter out, Ticker ticker) {
        this.out = out;
        this.ticker = ticker;
        this.start = ticker.nanos();
        this.lastDrawn = start;
    }

    @Override
    public synchronized void sessionsDone(long done, long total) {
        long now = ticker.nanos();
        if (now - lastDrawn < REDRAW_NANOS && done < total) {
            return;
        }
        lastDrawn = now;
        double secs = (now - start) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        String left = rate > 0 ? String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate) : "";
        out.print(String.format(Locale.ROOT, "\r\033[K%d of %d sessions, %.1f a second%s", done, total, rate, left));
        out.flush();
        drawn = true;
    }

    /** Clears the line. */
    synchronized void finish() {
        if (drawn) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
