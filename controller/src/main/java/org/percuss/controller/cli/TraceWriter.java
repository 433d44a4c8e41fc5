package org.percuss.controller.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;
import org.percuss.device.time.Ticker;

/**
 * Writes the trace of a session as CSV, one row per control tick, with the header
 * {@value #HEADER}. Faults are the union of what the device reports and what the host latched,
 * by name, joined with {@code |}. Numbers are formatted into a reused buffer, so a row allocates
 * nothing after the first few.
 *
 * <p>The rows are flushed to the file at least once a second of wall time (and the header at
 * once), so a {@code kill -9} loses at most the last second. A failure to write does not throw
 * out of {@link #row}: the trace stops there, {@link #failure()} says why, and the caller ends the
 * session (the control loop must never be torn down by a full disk).
 */
public final class TraceWriter implements Closeable {

    /** The header row. */
    public static final String HEADER =
            "t_s,state,level,target_ppm,commanded_ppm,measured_ppm,current_a,temperature_c,supply_v,faults";

    /** The longest time rows stay in the buffer: a second. */
    static final long FLUSH_PERIOD_NANOS = 1_000_000_000L;

    private static final LoopState[] STATES = LoopState.values();
    private static final Fault[] FAULTS = Fault.values();

    private final Writer out;
    private final Ticker wall;
    private final StringBuilder row = new StringBuilder(128);
    private final String[] faultNames = new String[1 << 10];
    private char[] chars = new char[128];
    private long flushedNanos;
    private IOException failure;

    /**
     * A trace into {@code out}, flushed at least once a second on {@code wall}; writes the header
     * and flushes it at once.
     *
     * @throws IOException when the header cannot be written: the file is not writable after all
     */
    public TraceWriter(Writer out, Ticker wall) throws IOException {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        this.wall = wall;
        this.out.write(HEADER + "\n");
        this.out.flush();
        this.flushedNanos = wall.nanos();
    }

    /** Appends the row for the tick {@code loop} has just run; after a failure, nothing. */
    public void row(ControlLoop loop) {
        if (failure != null) {
            return;
        }
        Telemetry t = loop.telemetry();
        StringBuilder sb = row;
        sb.setLength(0);
        Numbers.appendFixed(sb, loop.elapsedNanos() / 1e9, 3).append(',');
        sb.append(STATES[loop.state().ordinal()].name()).append(',');
        sb.append(loop.level()).append(',');
        sb.append(loop.targetPpm()).append(',');
        sb.append(loop.commandedPpm()).append(',');
        sb.append(t.measuredPpm()).append(',');
        Numbers.appendFixed(sb, t.currentAmps(), 3).append(',');
        Numbers.appendFixed(sb, t.temperatureCelsius(), 1).append(',');
        Numbers.appendFixed(sb, t.supplyVolts(), 3).append(',');
        sb.append(faultNames(t.faults().bits() | loop.latchedFaultBits())).append('\n');
        int n = sb.length();
        if (chars.length < n) {
            chars = new char[n * 2];
        }
        sb.getChars(0, n, chars, 0);
        try {
            out.write(chars, 0, n);
            long now = wall.nanos();
            if (now - flushedNanos >= FLUSH_PERIOD_NANOS) {
                out.flush();
                flushedNanos = now;
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Why writing failed, or {@code null}. */
    public IOException failure() {
        return failure;
    }

    /**
     * Writes out what is buffered.
     *
     * @throws IOException the failure, now or earlier
     */
    public void flush() throws IOException {
        if (failure == null) {
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private String faultNames(int bits) {
        int key = bits & (faultNames.length - 1);
        String s = faultNames[key];
        if (s == null) {
            StringBuilder sb = new StringBuilder();
            for (Fault f : FAULTS) {
                if ((key & f.mask()) != 0) {
                    sb.append(sb.isEmpty() ? "" : "|").append(f.name());
                }
            }
            s = sb.toString();
            faultNames[key] = s;
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
