package org.percuss.controller.record;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.device.api.Telemetry;

/**
 * A recording, read back (docs/recording.md): its header and its ticks. A file that ends early
 * (killed between two writes, or cut in the middle of its last block) is not an error: it holds
 * every tick up to where it ends, and {@link #ending()} says so. A file that is not a recording,
 * from a newer percuss, with a truncated or damaged header, or damaged in the middle is a
 * {@link BadRecording} — unless the reader is told to stop at the damage and keep what came before.
 * This class checks the header; {@link RecordingReader} walks the blocks after it.
 */
public final class Recording {

    /** The largest file read: far beyond a 15-minute session (about 1 MB). */
    public static final int MAX_BYTES = 256 << 20;

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

    Recording(RecordingHeader header, Telemetry initialTelemetry, List<Frame> frames, Ending ending, long bytes) {
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
                    + RecordingHeader.currentVersion() + ") reads versions 1 to " + RecordFormat.VERSION
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
        return new RecordingReader(header, b, start, untilError).read();
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
}
