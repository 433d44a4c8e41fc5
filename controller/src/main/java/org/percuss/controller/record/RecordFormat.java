package org.percuss.controller.record;

/**
 * The recording file format, version {@value #VERSION}: the numbers docs/recording.md specifies,
 * in one place for the writer and the reader.
 *
 * <pre>
 *   file     = preamble header block*
 *   preamble = magic(8) version(u16 LE) headerLength(u32 LE) headerCrc32(u32 LE)
 *   header   = headerLength bytes of UTF-8 JSON (RecordingHeader)
 *   block    = payloadLength(u32 LE, 1..MAX_BLOCK) payloadCrc32(u32 LE) payload
 *   payload  = record*       (a block holds whole ticks: a tick's records, then its TICK)
 *   record   = tag(u8) fields
 * </pre>
 *
 * Integers in records are LEB128 varints; signed ones zig-zag encoded first ({@code (v << 1) ^ (v >> 63)}),
 * so small deltas of either sign take one byte.
 */
final class RecordFormat {

    /** The first eight bytes: {@code \x89 P C S \r \n \x1a \n}, PNG's trick against text-mode mangling. */
    static final byte[] MAGIC = {(byte) 0x89, 'P', 'C', 'S', '\r', '\n', 0x1A, '\n'};
    /**
     * The version this percuss writes and the newest it reads (it reads every one from 1). Version 2
     * added {@link #FAULT_DETAIL}; a version 1 file is a version 2 file without it.
     */
    static final int VERSION = 2;
    /** Magic, version, header length, header CRC. */
    static final int PREAMBLE_BYTES = 18;
    /** The largest header a reader accepts. */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** A block's length and CRC. */
    static final int BLOCK_PREFIX_BYTES = 8;
    /** The largest block payload a reader accepts. */
    static final int MAX_BLOCK_BYTES = 1 << 20;

    // ---- record tags ----------------------------------------------------------------------------
    /** A telemetry report the loop read that differs from the previous one (see {@link TelemetryCodec}). */
    static final int TELEMETRY = 0x01;
    /** A message the loop gave its listener: kind, [from, to], text. */
    static final int MESSAGE = 0x02;
    /** The answer of one {@code clearStatus()} read: the {@code ClearStatus} ordinal. */
    static final int CLEAR_STATUS = 0x03;
    /** The loop called {@code requestClearFaults()}. */
    static final int CLEAR_REQUEST = 0x04;
    /** {@code commandSpeed} answered other than it was asked: varint asked (the TICK has the answer). */
    static final int COMMAND = 0x05;
    /** A device call threw a {@code DeviceException}: call, text. */
    static final int DEVICE_ERROR = 0x06;
    /** A note beside the inputs (a scenario's step), for plots; replay ignores it. */
    static final int NOTE = 0x07;
    /**
     * What the device's {@code faultDetail()} answered, when it differs from its previous answer
     * (which starts empty): text. Version 2.
     */
    static final int FAULT_DETAIL = 0x08;
    /** The end of a tick: what entered it (time, requests) and what it decided (see {@link TickCodec}). */
    static final int TICK = 0x10;
    /** The session ended and the file is complete: varint tick count. */
    static final int END = 0x7F;

    // ---- MESSAGE kinds and DEVICE_ERROR calls ------------------------------------------------------
    static final int MESSAGE_STATE = 0;
    static final int MESSAGE_WARNING = 1;
    static final int MESSAGE_SAFETY = 2;
    static final int CALL_COMMAND_SPEED = 0;
    static final int CALL_CLEAR_FAULTS = 1;

    /** The longest text kept of a message, in UTF-8 bytes. */
    static final int MAX_TEXT_BYTES = 4096;

    private RecordFormat() {
    }
}
