package org.percuss.controller.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Telemetry;

/**
 * Writes the trace of a session as CSV, one row per control tick, with the header
 * {@value #HEADER}. Faults are the union of what the device reports and what the host latched,
 * by name, joined with {@code |}. Numbers are formatted into a reused buffer, so a row allocates
 * nothing after the first few.
 */
public final class TraceWriter implements Closeable {

    /** The header row. */
    public static final String HEADER =
            "t_s,state,level,target_ppm,commanded_ppm,measured_ppm,current_a,temperature_c,supply_v,faults";

    private static final LoopState[] STATES = LoopState.values();
    private static final Fault[] FAULTS = Fault.values();

    private final Writer out;
    private final StringBuilder row = new StringBuilder(128);
    private final String[] faultNames = new String[1 << 10];
    private char[] chars = new char[128];

    /** A trace into {@code out}; writes the header at once. */
    public TraceWriter(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        write(HEADER + "\n");
    }

    /** Appends the row for the tick {@code loop} has just run. */
    public void row(ControlLoop loop) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
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

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
