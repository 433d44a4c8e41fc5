package org.percuss.controller.record;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.TickObserver;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Ticker;

/**
 * Records a session (docs/recording.md): everything that enters the control loop and everything it
 * decides, tick by tick, into a file a {@link Replay} can re-run. It sits where the loop meets the
 * world: the loop drives the device {@link #device(PercussionDevice) through it}, talks to its
 * listener {@link #listener(LoopListener) through it}, and it {@linkplain #afterTick observes every
 * tick}; the requests a tick took, its time and its decisions come from the loop's read-only
 * accessors. Everything is encoded into one reused buffer, so recording allocates nothing per tick.
 *
 * <p>Crash-safe: the buffer is written as one checksummed block (one {@code write}, so a kill
 * leaves whole blocks) by {@link #flushIfDue()}, which the session's driver calls after each tick,
 * at least once a second of wall time and, for a live session, once a second of session time. A
 * new file is written in place ({@link OutputFile}), so a {@code kill -9} leaves everything up to
 * the last block at the path. A write that fails stops the recording, never the loop: the driver
 * sees {@link #failure()} and ends the session as for any output.
 *
 * <p>Used from the thread that ticks. Lifecycle: {@link #open}, {@link #begin}, the ticks,
 * {@link #finish()}; {@link #close()} abandons a recording that was not finished, keeping what was
 * written.
 */
public final class Recorder implements TickObserver, Closeable {

    /** Write a block once this much is buffered. */
    static final int BLOCK_TARGET_BYTES = 64 << 10;
    /** Write at least this often: a crash loses at most this much. */
    static final long FLUSH_NANOS = 1_000_000_000L;
    /**
     * Look at the wall clock every this many ticks, not every tick: reading it costs 60–150 ns on a
     * virtual machine (kvm-clock), most of what recording a simulated tick costs otherwise. In a live
     * session the session-time check bounds the loss anyway; in a simulation 32 ticks pass in microseconds.
     */
    static final int WALL_CHECK_TICKS = 32;

    private final OutputFile file;
    private final OutputFile.Stream stream;
    private final RecordBlocks blocks;
    private final Ticker wall;
    private final EpochClock calendar;
    private final List<String> command;
    private final boolean flushOnSessionTime;
    private final RecordBuffer buffer;
    private TelemetryCodec telemetry;
    private TickCodec ticks;
    private Telemetry lastTelemetry;
    private long ticksWritten;
    private long tickNanos;
    private long flushedWallNanos;
    private long flushedTickNanos;
    private int ticksSinceWallCheck;
    private boolean begun;
    private boolean finished;
    /** Begun, not finished, not failed: one field to look at on every call. */
    private boolean recording;

    private Recorder(OutputFile file, OutputFile.Stream stream, Ticker wall, EpochClock calendar, List<String> command,
                     boolean flushOnSessionTime) {
        this.file = file;
        this.stream = stream;
        this.blocks = new RecordBlocks(stream.out(), 4 * BLOCK_TARGET_BYTES);
        this.buffer = blocks.buffer();
        this.wall = wall;
        this.calendar = calendar;
        this.command = List.copyOf(command);
        this.flushOnSessionTime = flushOnSessionTime;
    }

    /**
     * Opens {@code file} for a recording (created in place when new).
     *
     * @param wall the wall clock the flushes are paced by
     * @param calendar for the header's date
     * @param command the command line, for the header
     * @param flushOnSessionTime also write once a second of session time (a live session, where a
     *        crash costs what it loses; a simulation can be run again)
     */
    public static Recorder open(OutputFile file, Ticker wall, EpochClock calendar, List<String> command,
                                boolean flushOnSessionTime) throws FileProblem {
        return new Recorder(file, file.openStream(), wall, calendar, command, flushOnSessionTime);
    }

    /**
     * Writes the header: what the loop is about to be built from. Written and flushed at once, so
     * a file that cannot take it fails here, before the motor starts.
     *
     * @param title a line for plots and reports
     * @param device the device the loop will drive (its name and capabilities)
     * @param config the configuration in force
     * @param session the zone and the session's own options
     */
    public void begin(String title, PercussionDevice device, PercussConfig config, RecordedSession session)
            throws FileProblem {
        RecordingHeader header = new RecordingHeader(RecordFormat.VERSION, RecordingHeader.currentVersion(),
                Instant.ofEpochMilli(calendar.epochMillis()).toString(), command, title, device.name(),
                device.capabilities(), config, session);
        if (!blocks.writeHeader(HeaderJson.write(header))) {
            throw failure();
        }
        telemetry = new TelemetryCodec(device.capabilities().telemetryPeriodMillis());
        ticks = new TickCodec(config.tickPeriod().toNanos());
        flushedWallNanos = wall.nanos();
        begun = true;
        recording = true;
    }

    /** The device for the loop to drive: {@code device}, with every answer the loop gets recorded. */
    public PercussionDevice device(PercussionDevice device) {
        requireBegun();
        return new RecordingDevice(device, this);
    }

    /** The listener for the loop: {@code inner}, with every message recorded on its way. */
    public LoopListener listener(LoopListener inner) {
        return new RecordingListener(inner, this);
    }

    /**
     * The loop's builder for a recorded session (after {@link #begin}): {@code device} and
     * {@code listener} are reached through this recorder, which observes every tick.
     */
    public ControlLoop.Builder builder(PercussionDevice device, PercussConfig config, Ticker ticker, LoopListener listener) {
        return ControlLoop.builder(device(device), config, ticker).listener(listener(listener)).observer(this);
    }

    /** A note beside the inputs, such as a scenario's step, for plots (a replay ignores it). */
    public void note(String text) {
        if (active()) {
            buffer.put(RecordFormat.NOTE);
            buffer.putUtf8(text, RecordFormat.MAX_TEXT_BYTES);
        }
    }

    @Override
    public void afterTick(ControlLoop loop) {
        if (active()) {
            ticks.encode(loop, buffer);
            ticksWritten++;
            tickNanos = loop.tickNanos();
            if (ticksWritten == 1) {
                flushedTickNanos = tickNanos;
            }
        }
    }

    /**
     * After a tick, outside it: writes a block when one is due (64 KiB buffered, a second of session
     * time for a live session, or a second of wall time, looked at every {@value #WALL_CHECK_TICKS} ticks).
     *
     * @return false once writing has failed ({@link #failure()} says why)
     */
    public boolean flushIfDue() {
        if (blocks.failure() != null) {
            return false;
        }
        boolean due = payloadBytes() >= BLOCK_TARGET_BYTES || flushOnSessionTime && tickNanos - flushedTickNanos >= FLUSH_NANOS;
        if (!due && ++ticksSinceWallCheck >= WALL_CHECK_TICKS) {
            ticksSinceWallCheck = 0;
            due = wall.nanos() - flushedWallNanos >= FLUSH_NANOS;
        }
        if (due) {
            writeBlock();
            flushedWallNanos = wall.nanos();
            flushedTickNanos = tickNanos;
            ticksSinceWallCheck = 0;
        }
        return blocks.failure() == null;
    }

    /** Why writing failed, naming the file; {@code null} while all is well. */
    public FileProblem failure() {
        IOException failure = blocks.failure();
        return failure == null ? null : file.problem("cannot write it: " + FileProblem.reason(failure), failure);
    }

    /** How many ticks were recorded. */
    public long ticks() {
        return ticksWritten;
    }

    /**
     * Ends the recording: the END record, the last block, and the file in place.
     *
     * @throws FileProblem when it, or an earlier write, failed
     */
    public void finish() throws FileProblem {
        if (finished) {
            return;
        }
        if (active()) {
            buffer.put(RecordFormat.END);
            buffer.putVarint(ticksWritten);
            writeBlock();
        }
        if (blocks.failure() != null) {
            throw failure();
        }
        finished = true;
        recording = false;
        stream.commit();
    }

    /** Abandons an unfinished recording: a new file keeps every block written (it replays as ending early). */
    @Override
    public void close() {
        stream.close();
    }

    // ---- from the recording device and the listener -----------------------------------------------

    /** A report the loop read: written when it is a new one (a report the loop saw before is the same object). */
    void telemetryRead(Telemetry t) {
        if (recording && t != lastTelemetry && t != null) {
            telemetry.encode(t, buffer);
            lastTelemetry = t;
        }
    }

    void commandAnswered(int asked, int answered) {
        if (active() && asked != answered) {
            buffer.put(RecordFormat.COMMAND);
            buffer.putZigzag(asked);
        }
    }

    void faultDetailRead(String detail) {
        if (active()) {
            buffer.put(RecordFormat.FAULT_DETAIL);
            buffer.putUtf8(detail, RecordFormat.MAX_TEXT_BYTES);
        }
    }

    void clearRequested() {
        if (active()) {
            buffer.put(RecordFormat.CLEAR_REQUEST);
        }
    }

    void clearStatusRead(ClearStatus status) {
        if (active()) {
            buffer.put(RecordFormat.CLEAR_STATUS);
            buffer.put(status.ordinal());
        }
    }

    void deviceError(int call, String message) {
        if (active()) {
            buffer.put(RecordFormat.DEVICE_ERROR);
            buffer.put(call);
            buffer.putUtf8(message == null ? "" : message, RecordFormat.MAX_TEXT_BYTES);
        }
    }

    void message(int kind, LoopState from, LoopState to, String text) {
        if (!active()) {
            return;
        }
        buffer.put(RecordFormat.MESSAGE);
        buffer.put(kind);
        if (kind == RecordFormat.MESSAGE_STATE) {
            buffer.put(from.ordinal());
            buffer.put(to.ordinal());
        }
        buffer.putUtf8(text, RecordFormat.MAX_TEXT_BYTES);
    }

    // ---- blocks -----------------------------------------------------------------------------------

    private boolean active() {
        return recording;
    }

    private void requireBegun() {
        if (!begun) {
            throw new IllegalStateException("begin() the recording first");
        }
    }

    private int payloadBytes() {
        return blocks.payloadBytes();
    }

    /** Writes the block under way; a failure ends the recording (never the loop). */
    private void writeBlock() {
        if (!blocks.writeBlock()) {
            recording = false;
        }
    }
}
