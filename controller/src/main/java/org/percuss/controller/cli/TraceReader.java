package org.percuss.controller.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;
import org.percuss.simulator.scenario.RunPlot;
import org.percuss.simulator.scenario.Sample;

/**
 * Reads back a trace {@link TraceWriter} wrote, for a plot: its rows as samples, and a red marker
 * where the state became a latched stop, named by the faults of that row. A trace has no derate
 * column, so its plot has no derate band.
 */
final class TraceReader {

    /** The largest trace read: a 15-minute session is about 7 MB. */
    static final int MAX_BYTES = 64 << 20;

    /**
     * The rows and markers of a trace.
     *
     * @param rows one sample a tick
     * @param markers the latched stops
     */
    record Trace(List<Sample> rows, List<RunPlot.Marker> markers) {
    }

    private TraceReader() {
    }

    /** Whether {@code head}, a file's first bytes, begin a trace. */
    static boolean isTrace(byte[] head) {
        String h = new String(head, 0, Math.min(head.length, TraceWriter.HEADER.length()), java.nio.charset.StandardCharsets.ISO_8859_1);
        return h.equals(TraceWriter.HEADER);
    }

    /** @throws FileProblem naming the line that is not a trace row, or what is wrong with the file */
    static Trace read(Path path) throws FileProblem {
        String text = InputFile.readText(path, MAX_BYTES, "a trace");
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals(TraceWriter.HEADER)) {
            throw new FileProblem("is not a trace: its first line is not " + TraceWriter.HEADER);
        }
        List<Sample> rows = new ArrayList<>();
        List<RunPlot.Marker> markers = new ArrayList<>();
        String previous = LoopState.IDLE.name();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] c = line.split(",", -1);
            if (c.length != 10) {
                throw new FileProblem("line " + (i + 1) + ": " + c.length + " columns, a trace row has 10");
            }
            Row row = new Row(c, i + 1);
            double t = row.number(0);
            LoopState state = row.state(1);
            rows.add(new Sample(Math.round(t * 1e9), state.name(), row.integer(2), row.integer(3), row.integer(4),
                    row.integer(5), row.number(6), row.number(7), row.number(8), row.faults(9), 0, 0));
            if (state.latched() && !state.name().equals(previous)) {
                markers.add(new RunPlot.Marker(t, state.name() + ": " + c[9].replace('|', ' ').toLowerCase(Locale.ROOT)
                        .replace('_', ' '), true));
            }
            previous = state.name();
        }
        return new Trace(rows, markers);
    }

    /** One row's columns, each read with a message naming the line and the column. */
    private record Row(String[] c, int line) {
        private static final String[] NAMES = TraceWriter.HEADER.split(",");

        private FileProblem bad(int i) {
            return new FileProblem("line " + line + ": " + NAMES[i] + " '" + org.percuss.controller.text.Echo.value(c[i])
                    + "' is not what a trace holds there");
        }

        double number(int i) throws FileProblem {
            try {
                return Double.parseDouble(c[i]);
            } catch (NumberFormatException e) {
                throw bad(i);
            }
        }

        int integer(int i) throws FileProblem {
            try {
                return Integer.parseInt(c[i]);
            } catch (NumberFormatException e) {
                throw bad(i);
            }
        }

        LoopState state(int i) throws FileProblem {
            try {
                return LoopState.valueOf(c[i]);
            } catch (IllegalArgumentException e) {
                throw bad(i);
            }
        }

        int faults(int i) throws FileProblem {
            try {
                return TraceReader.faults(c[i]);
            } catch (IllegalArgumentException e) {
                throw bad(i);
            }
        }
    }

    private static int faults(String names) {
        int bits = 0;
        if (!names.isEmpty()) {
            for (String n : names.split("\\|")) {
                bits |= Fault.valueOf(n).mask();
            }
        }
        return bits;
    }
}
