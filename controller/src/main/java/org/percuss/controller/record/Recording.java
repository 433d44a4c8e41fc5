package org.percuss.controller.record;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Telemetry;

/**
 * A recording, read back (docs/recording.md): its header and its ticks. A file that ends early
 * (killed between two writes, or cut in the middle of its last block) is not an error: it holds
 * every tick up to where it ends, and {@link #ending()} says so. A file that is not a recording,
 * from a newer percuss, with a truncated or damaged header, or damaged in the middle is a
 * {@link BadRecording} — unless the reader is told to stop at the damage and keep what came before.
 */
public final class Recording {

    /** The largest file read: far beyond a 15-minute session (about 1 MB). */
    public static final int MAX_BYTES = 256 << 20;

    private static final ClearStatus[] CLEAR = ClearStatus.values();
    private static final LoopState[] STATES = LoopState.values();

    /**
     * How a recording ends.
     *
     * @param kind complete, cut off, or damaged
     * @param why what was found, in words
     */
    public record Ending(Kind kind, String why) {
        /** How a recording ends. */
        public enum Kind {
            /** With the end record: the session ended and every tick is there. */
            COMPLETE,
            /** Early: the session was killed, or the last block is cut off or damaged. */
            CUT_OFF,
            /** At damage in the middle, read with {@code untilError}. */
            DAMAGED
        }
    }

    private final RecordingHeader header;
    private final Telemetry initialTelemetry;
    private final List<Frame> frames;
    private final Ending ending;
    private final long bytes;

    private Recording(RecordingHeader header, Telemetry initialTelemetry, List<Frame> frames, Ending ending, long bytes) {
        this.header = header;
        this.initialTelemetry = initialTelemetry;
        this.frames = List.copyOf(frames);
        this.ending = ending;
        this.bytes = bytes;
    }

    /**
     * Reads the recording at {@code path}.
     *
     * @param untilError on damage in the middle, keep the ticks before it rather than refuse the file
     * @throws FileProblem when the file cannot be read (missing, not a regular file, too large)
     * @throws BadRecording when it is not a recording that can be replayed
     */
    public static Recording read(Path path, boolean untilError) throws FileProblem, BadRecording {
        return read(InputFile.readBytes(path, MAX_BYTES, "a recording"), untilError);
    }

    /** Reads a recording from its bytes; see {@link #read(Path, boolean)}. */
    public static Recording read(byte[] b, boolean untilError) throws BadRecording {
        if (b.length < RecordFormat.MAGIC.length
                || !Arrays.equals(b, 0, RecordFormat.MAGIC.length, RecordFormat.MAGIC, 0, RecordFormat.MAGIC.length)) {
            throw new BadRecording(notARecording(b));
        }
        if (b.length < RecordFormat.PREAMBLE_BYTES) {
            throw new BadRecording("truncated header: the file ends after " + b.length + " bytes, inside its "
                    + RecordFormat.PREAMBLE_BYTES + "-byte preamble");
        }
        int version = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        if (version > RecordFormat.VERSION) {
            throw new BadRecording("recorded in format version " + version + " by a newer percuss; this percuss ("
                    + RecordingHeader.currentVersion() + ") reads version " + RecordFormat.VERSION
                    + ": replay it with the percuss that recorded it, or a newer one");
        }
        if (version < 1) {
            throw new BadRecording("format version 0 does not exist: the file is damaged");
        }
        long headerLength = RecordInput.intLE(b, 10) & 0xFFFF_FFFFL;
        if (headerLength > RecordFormat.MAX_HEADER_BYTES) {
            throw new BadRecording("damaged header: it claims " + headerLength + " bytes, more than the "
                    + RecordFormat.MAX_HEADER_BYTES + " a header may have");
        }
        int start = RecordFormat.PREAMBLE_BYTES + (int) headerLength;
        if (b.length < start) {
            throw new BadRecording("truncated header: it has " + headerLength + " bytes, the file ends after "
                    + (b.length - RecordFormat.PREAMBLE_BYTES) + " of them");
        }
        CRC32 crc = new CRC32();
        crc.update(b, RecordFormat.PREAMBLE_BYTES, (int) headerLength);
        if ((int) crc.getValue() != RecordInput.intLE(b, 14)) {
            throw new BadRecording("damaged header: its checksum does not match");
        }
        RecordingHeader header;
        try {
            header = HeaderJson.read(Arrays.copyOfRange(b, RecordFormat.PREAMBLE_BYTES, start), version);
        } catch (Json.Invalid e) {
            throw new BadRecording("the header " + e.getMessage());
        }
        return new Reader(header, b, start, untilError).read();
    }

    /** What a file that is not a recording looks like, in words. */
    private static String notARecording(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1);
        if (head.startsWith("t_s,state,")) {
            return "a trace (CSV), not a recording: percuss plot draws it, percuss replay needs a file made with --record";
        }
        if (b.length == 0) {
            return "an empty file, not a recording";
        }
        return "not a percuss recording: it does not begin with a recording's first bytes (89 50 43 53 0D 0A 1A 0A)";
    }

    public RecordingHeader header() {
        return header;
    }

    /** The telemetry the device had when the loop was built, before the first tick. */
    public Telemetry initialTelemetry() {
        return initialTelemetry;
    }

    public List<Frame> frames() {
        return frames;
    }

    public Ending ending() {
        return ending;
    }

    /** The file's size. */
    public long bytes() {
        return bytes;
    }

    /** Seconds from the first tick to {@code frame}. */
    public double seconds(Frame frame) {
        return (frame.nanos() - frames.getFirst().nanos()) / 1e9;
    }

    /** Seconds from the first tick to the last. */
    public double lastSeconds() {
        return frames.isEmpty() ? 0 : seconds(frames.getLast());
    }

    /** {@code recording ends early at t = 29.87 s: …}, or empty for a complete one. */
    public Optional<String> endingNote() {
        return switch (ending.kind()) {
            case COMPLETE -> Optional.empty();
            case CUT_OFF -> Optional.of(String.format(Locale.ROOT, "recording ends early at t = %.2f s (%s): %s",
                    lastSeconds(), ReplayReport.ticks(frames.size()), ending.why()));
            case DAMAGED -> Optional.of(String.format(Locale.ROOT, "recording read up to damage at t = %.2f s (%s): %s",
                    lastSeconds(), ReplayReport.ticks(frames.size()), ending.why()));
        };
    }

    /** Walks the blocks and decodes their records into frames. */
    private static final class Reader {
        private final RecordingHeader header;
        private final byte[] b;
        private final int start;
        private final boolean untilError;
        private final TelemetryCodec telemetry;
        private final TickCodec ticks;
        private final List<Frame> frames = new ArrayList<>();
        private Telemetry initial;
        private Telemetry current;
        private boolean newTelemetry;
        private final List<ClearStatus> clearReads = new ArrayList<>();
        private boolean clearRequested;
        private Optional<String> commandError = Optional.empty();
        private Optional<String> clearError = Optional.empty();
        private boolean hasAsked;
        private int asked;
        private final List<Message> messages = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private boolean ended;

        Reader(RecordingHeader header, byte[] b, int start, boolean untilError) {
            this.header = header;
            this.b = b;
            this.start = start;
            this.untilError = untilError;
            this.telemetry = new TelemetryCodec(header.capabilities().telemetryPeriodMillis());
            this.ticks = new TickCodec(header.config().tickPeriod().toNanos());
        }

        Recording read() throws BadRecording {
            int p = start;
            Ending ending = null;
            while (ending == null && p < b.length) {
                if (ended) {
                    if (!allZero(p)) {
                        ending = damage(p, "more data after the end record");
                    }
                    break; // zeros after the end: space the file system gave it, not data
                }
                if (b.length - p < RecordFormat.BLOCK_PREFIX_BYTES) {
                    ending = cut("its last block is cut off in its length");
                    break;
                }
                long n = RecordInput.intLE(b, p) & 0xFFFF_FFFFL;
                if (n == 0 || n > RecordFormat.MAX_BLOCK_BYTES) {
                    ending = allZero(p) ? cut("it ends in zeros (a crash before the data reached the disk)")
                            : damage(p, "a block claims " + n + " bytes (1.." + RecordFormat.MAX_BLOCK_BYTES + ")");
                    break;
                }
                int payload = p + RecordFormat.BLOCK_PREFIX_BYTES;
                if (payload + n > b.length) {
                    ending = cut("its last block is cut off (" + (b.length - payload) + " of its " + n + " bytes)");
                    break;
                }
                CRC32 crc = new CRC32();
                crc.update(b, payload, (int) n);
                if ((int) crc.getValue() != RecordInput.intLE(b, p + 4)) {
                    ending = payload + n == b.length ? cut("its last block is damaged (its checksum does not match)")
                            : damage(p, "a block's checksum does not match");
                    break;
                }
                try {
                    decode(new RecordInput(b, payload, payload + (int) n));
                } catch (RecordInput.Malformed e) {
                    ending = damage(p, e.getMessage());
                    break;
                }
                p = payload + (int) n;
            }
            if (ending == null) {
                ending = ended ? new Ending(Ending.Kind.COMPLETE, "complete")
                        : cut("no end record (the session was stopped before it could write one, e.g. by kill -9)");
            }
            return new Recording(header, initial, frames, ending, b.length);
        }

        private boolean allZero(int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private Ending cut(String why) {
            return new Ending(Ending.Kind.CUT_OFF, why);
        }

        private Ending damage(int at, String what) throws BadRecording {
            double t = frames.isEmpty() ? 0 : (frames.getLast().nanos() - frames.getFirst().nanos()) / 1e9;
            String where = String.format(Locale.ROOT, "damaged at byte %,d, after t = %.2f s (%s): %s", at, t,
                    ReplayReport.ticks(frames.size()), what);
            if (!untilError) {
                throw new BadRecording(where + "; --until-error replays the ticks before it");
            }
            return new Ending(Ending.Kind.DAMAGED, String.format(Locale.ROOT, "at byte %,d: %s", at, what));
        }

        private void decode(RecordInput in) throws RecordInput.Malformed {
            while (in.more()) {
                int tag = in.u8();
                if (ended) {
                    throw new RecordInput.Malformed("a record after the end record");
                }
                switch (tag) {
                    case RecordFormat.TELEMETRY -> {
                        current = telemetry.decode(in);
                        newTelemetry = true;
                        if (initial == null) {
                            initial = current;
                        }
                    }
                    case RecordFormat.MESSAGE -> messages.add(message(in));
                    case RecordFormat.CLEAR_STATUS -> clearReads.add(CLEAR[in.intIn(0, CLEAR.length - 1, "a clear status")]);
                    case RecordFormat.CLEAR_REQUEST -> clearRequested = true;
                    case RecordFormat.COMMAND -> {
                        asked = (int) in.zigzag();
                        hasAsked = true;
                    }
                    case RecordFormat.DEVICE_ERROR -> {
                        int call = in.intIn(0, 1, "a device call");
                        String text = in.utf8();
                        if (call == RecordFormat.CALL_COMMAND_SPEED) {
                            commandError = Optional.of(text);
                        } else {
                            clearError = Optional.of(text);
                        }
                    }
                    case RecordFormat.NOTE -> notes.add(in.utf8());
                    case RecordFormat.TICK -> tick(in);
                    case RecordFormat.END -> {
                        long count = in.varint();
                        if (count != frames.size()) {
                            throw new RecordInput.Malformed("the end record counts " + count + " ticks, the file holds "
                                    + frames.size());
                        }
                        ended = true;
                    }
                    default -> throw new RecordInput.Malformed("an unknown record type 0x" + Integer.toHexString(tag)
                            + " at byte " + (in.position() - 1));
                }
            }
        }

        private Message message(RecordInput in) throws RecordInput.Malformed {
            int kind = in.intIn(0, 2, "a message kind");
            if (kind == RecordFormat.MESSAGE_STATE) {
                LoopState from = STATES[in.intIn(0, STATES.length - 1, "a state")];
                LoopState to = STATES[in.intIn(0, STATES.length - 1, "a state")];
                return new Message(Message.Kind.STATE, from, to, in.utf8());
            }
            return new Message(kind == RecordFormat.MESSAGE_WARNING ? Message.Kind.WARNING : Message.Kind.SAFETY, null, null,
                    in.utf8());
        }

        private void tick(RecordInput in) throws RecordInput.Malformed {
            ticks.decode(in);
            if (current == null) {
                throw new RecordInput.Malformed("a tick before any telemetry");
            }
            frames.add(new Frame(frames.size() + 1, ticks.nanos(), current, newTelemetry, ticks.requests(), ticks.requestedLevel(), ticks.finish(),
                    clearReads, clearRequested, commandError, clearError, ticks.state(), ticks.level(), ticks.target(),
                    ticks.commanded(), hasAsked ? asked : ticks.commanded(), ticks.latched(), ticks.derate(),
                    messages, notes));
            newTelemetry = false;
            clearReads.clear();
            clearRequested = false;
            commandError = Optional.empty();
            clearError = Optional.empty();
            hasAsked = false;
            messages.clear();
            notes.clear();
        }
    }
}
