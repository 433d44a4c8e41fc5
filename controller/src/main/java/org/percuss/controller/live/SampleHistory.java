package org.percuss.controller.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.percuss.controller.loop.LoopState;

/**
 * The session's speeds, current and temperature over time, sampled by the ticking thread at a
 * fixed interval of session time: the last minute or so in full, for the live plot (readers ask for
 * what came since the sample they saw last), and the whole session for its plot at the end, thinned
 * out by half whenever it fills, so a session left open for hours stays within a few megabytes.
 * Samples are numbered from 0; columns of primitives, so adding one allocates nothing. Thread-safe:
 * one writer, any number of readers, each holding the lock only to copy.
 */
public final class SampleHistory {

    /** The columns of a sample. */
    private static final int T = 0;
    private static final int TARGET = 1;
    private static final int COMMANDED = 2;
    private static final int MEASURED = 3;
    private static final int CURRENT = 4;
    private static final int TEMPERATURE = 5;
    private static final int COLUMNS = 6;

    private final int recentCapacity;
    private final int wholeCapacity;
    private final double[][] recent;
    private final byte[] recentState;
    private long count;

    private final double[][] whole;
    private final byte[] wholeState;
    private int wholeSize;
    private int stride = 1;
    private int skipped;
    private final List<Mark> marks = new ArrayList<>();

    /**
     * A moment worth a line on the plot: a safety stop.
     *
     * @param seconds when, in session time
     * @param label what
     */
    public record Mark(double seconds, String label) {
    }

    /**
     * Samples in columns.
     *
     * @param firstSeq the number of the first sample
     * @param seconds session time of each
     * @param targetPpm where the speed was heading
     * @param commandedPpm the speed commanded
     * @param measuredPpm the speed measured
     * @param currentAmps motor current (0 without the sensor)
     * @param temperatureCelsius temperature (0 without the sensor)
     * @param states the loop's state at each
     */
    public record Chunk(long firstSeq, double[] seconds, double[] targetPpm, double[] commandedPpm, double[] measuredPpm,
                        double[] currentAmps, double[] temperatureCelsius, LoopState[] states) {

        /** How many samples. */
        public int size() {
            return seconds.length;
        }

        /** The number the next sample after these will have. */
        public long nextSeq() {
            return firstSeq + seconds.length;
        }
    }

    /**
     * @param recentCapacity how many of the latest samples to keep in full
     * @param wholeCapacity how many samples of the whole session to keep before thinning them out (even, at least 2)
     */
    public SampleHistory(int recentCapacity, int wholeCapacity) {
        if (recentCapacity < 1 || wholeCapacity < 2 || wholeCapacity % 2 != 0) {
            throw new IllegalArgumentException("capacities must be at least 1 and an even 2, got " + recentCapacity
                    + " and " + wholeCapacity);
        }
        this.recentCapacity = recentCapacity;
        this.wholeCapacity = wholeCapacity;
        this.recent = new double[COLUMNS][recentCapacity];
        this.recentState = new byte[recentCapacity];
        this.whole = new double[COLUMNS][wholeCapacity];
        this.wholeState = new byte[wholeCapacity];
    }

    /** Adds one sample; allocates nothing. */
    public synchronized void add(double seconds, int targetPpm, int commandedPpm, int measuredPpm, double currentAmps,
                                 double temperatureCelsius, LoopState state) {
        int i = (int) (count % recentCapacity);
        recent[T][i] = seconds;
        recent[TARGET][i] = targetPpm;
        recent[COMMANDED][i] = commandedPpm;
        recent[MEASURED][i] = measuredPpm;
        recent[CURRENT][i] = currentAmps;
        recent[TEMPERATURE][i] = temperatureCelsius;
        recentState[i] = (byte) state.ordinal();
        count++;
        if (++skipped < stride) {
            return;
        }
        skipped = 0;
        if (wholeSize == wholeCapacity) {
            // full: keep every other sample, and from now on every other one of the new
            for (int k = 0; k < wholeCapacity / 2; k++) {
                for (double[] column : whole) {
                    column[k] = column[2 * k];
                }
                wholeState[k] = wholeState[2 * k];
            }
            wholeSize = wholeCapacity / 2;
            stride *= 2;
        }
        whole[T][wholeSize] = seconds;
        whole[TARGET][wholeSize] = targetPpm;
        whole[COMMANDED][wholeSize] = commandedPpm;
        whole[MEASURED][wholeSize] = measuredPpm;
        whole[CURRENT][wholeSize] = currentAmps;
        whole[TEMPERATURE][wholeSize] = temperatureCelsius;
        wholeState[wholeSize] = (byte) state.ordinal();
        wholeSize++;
    }

    /** Marks a moment (a safety stop) for the plot of the whole session. */
    public synchronized void mark(double seconds, String label) {
        if (marks.size() < 100) {
            marks.add(new Mark(seconds, label));
        }
    }

    /** How many samples were added. */
    public synchronized long count() {
        return count;
    }

    /**
     * The kept samples numbered {@code seq} and later (all that are kept, when {@code seq} is older
     * than the oldest; none, when it is the next).
     */
    public synchronized Chunk since(long seq) {
        long first = Math.max(Math.max(0, seq), count - recentCapacity);
        int n = (int) Math.max(0, count - first);
        double[][] cols = new double[COLUMNS][n];
        LoopState[] states = new LoopState[n];
        for (int k = 0; k < n; k++) {
            int i = (int) ((first + k) % recentCapacity);
            for (int c = 0; c < COLUMNS; c++) {
                cols[c][k] = recent[c][i];
            }
            states[k] = LoopState.values()[recentState[i]];
        }
        return chunk(first, cols, states);
    }

    /** The whole session, thinned out as it grew. */
    public synchronized Chunk whole() {
        double[][] cols = new double[COLUMNS][];
        for (int c = 0; c < COLUMNS; c++) {
            cols[c] = Arrays.copyOf(whole[c], wholeSize);
        }
        LoopState[] states = new LoopState[wholeSize];
        for (int k = 0; k < wholeSize; k++) {
            states[k] = LoopState.values()[wholeState[k]];
        }
        return chunk(0, cols, states);
    }

    /** The marked moments, oldest first. */
    public synchronized List<Mark> marks() {
        return List.copyOf(marks);
    }

    private static Chunk chunk(long first, double[][] c, LoopState[] states) {
        return new Chunk(first, c[T], c[TARGET], c[COMMANDED], c[MEASURED], c[CURRENT], c[TEMPERATURE], states);
    }
}
