package org.percuss.controller.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.record.Recording.Ending;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.Telemetry;

/**
 * Reads a recording's blocks, after its header (docs/recording.md): checks each block's length and
 * CRC, decodes its records into {@link Frame}s (the answers, requests and messages a tick took, with
 * the tick's decisions), and tells how the file ends: complete, cut off (a kill, a torn last block),
 * or damaged in the middle (refused, or kept up to the damage when told to).
 */
final class RecordingReader {

    private static final ClearStatus[] CLEAR = ClearStatus.values();
    private static final LoopState[] STATES = LoopState.values();

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
    private final List<String> faultDetails = new ArrayList<>();
    private boolean ended;

    /**
     * @param header the header, read and checked
     * @param b the whole file
     * @param start where the first block begins
     * @param untilError on damage in the middle, keep the ticks before it rather than refuse the file
     */
    RecordingReader(RecordingHeader header, byte[] b, int start, boolean untilError) {
        this.header = header;
        this.b = b;
        this.start = start;
        this.untilError = untilError;
        this.telemetry = new TelemetryCodec(header.capabilities().telemetryPeriodMillis());
        this.ticks = new TickCodec(header.config().tickPeriod().toNanos());
    }

    /** The recording: its frames and how it ends. */
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
                case RecordFormat.FAULT_DETAIL -> faultDetails.add(in.utf8());
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
                messages, notes, faultDetails));
        faultDetails.clear();
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
