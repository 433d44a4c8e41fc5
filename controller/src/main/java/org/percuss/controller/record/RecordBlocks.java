package org.percuss.controller.record;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * A recording file's framing (docs/recording.md): the header (magic, version, the JSON's length and
 * CRC, the JSON), then blocks of records, each prefixed with its length and CRC and written with one
 * call, so that a kill leaves whole blocks. The records are encoded into {@link #buffer()} after its
 * prefix; {@link #writeBlock()} fills the prefix in, writes, and starts the next. The first write that
 * fails is kept and every later one skipped. Allocates nothing per block.
 */
final class RecordBlocks {

    private final OutputStream out;
    private final RecordBuffer buffer;
    private final CRC32 crc = new CRC32();
    private IOException failure;

    /** Blocks written to {@code out}, encoded in a buffer of {@code capacity} bytes (it grows past it if it must). */
    RecordBlocks(OutputStream out, int capacity) {
        this.out = out;
        this.buffer = new RecordBuffer(capacity);
        buffer.reserve(RecordFormat.BLOCK_PREFIX_BYTES);
    }

    /** Where the next block's records are encoded. */
    RecordBuffer buffer() {
        return buffer;
    }

    /** How many bytes of records the next block holds so far. */
    int payloadBytes() {
        return buffer.size() - RecordFormat.BLOCK_PREFIX_BYTES;
    }

    /** The first write that failed; null while all is well. */
    IOException failure() {
        return failure;
    }

    /**
     * Writes and flushes the file's header, with {@code json} as its body, at once; the block under
     * way (nothing yet) starts afresh after it.
     *
     * @return false when the write failed ({@link #failure()} says why)
     */
    boolean writeHeader(byte[] json) {
        crc.reset();
        crc.update(json, 0, json.length);
        // written from the block buffer's own array: the stream wraps an array once, and this is the one it keeps
        buffer.truncate(0);
        for (byte m : RecordFormat.MAGIC) {
            buffer.put(m);
        }
        buffer.put(RecordFormat.VERSION);
        buffer.put(RecordFormat.VERSION >>> 8);
        buffer.putIntLE(json.length, buffer.reserve(4));
        buffer.putIntLE((int) crc.getValue(), buffer.reserve(4));
        int at = buffer.reserve(json.length); // may grow the array: take it after
        System.arraycopy(json, 0, buffer.array(), at, json.length);
        try {
            out.write(buffer.array(), 0, buffer.size());
            out.flush();
        } catch (IOException e) {
            failure = e;
        } finally {
            buffer.truncate(0);
            buffer.reserve(RecordFormat.BLOCK_PREFIX_BYTES);
        }
        return failure == null;
    }

    /**
     * Fills in the block's length and CRC and writes it whole, in one call (nothing for an empty
     * block or after a failure); then starts the next.
     *
     * @return false once a write has failed
     */
    boolean writeBlock() {
        int n = payloadBytes();
        if (n > 0 && failure == null) {
            byte[] b = buffer.array();
            crc.reset();
            crc.update(b, RecordFormat.BLOCK_PREFIX_BYTES, n);
            buffer.putIntLE(n, 0);
            buffer.putIntLE((int) crc.getValue(), 4);
            try {
                out.write(b, 0, buffer.size());
                out.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
        buffer.truncate(RecordFormat.BLOCK_PREFIX_BYTES);
        return failure == null;
    }
}
