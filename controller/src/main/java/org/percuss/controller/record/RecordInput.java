package org.percuss.controller.record;

import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link RecordBuffer} wrote, from a slice of an array, checking every bound: a
 * record that runs past its block, a varint longer than ten bytes, or a value out of its range is
 * a {@link Malformed} saying what, never an index exception.
 */
final class RecordInput {

    /** The bytes do not hold what the format says they must. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] bytes;
    private int at;
    private final int end;

    RecordInput(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.at = from;
        this.end = to;
    }

    boolean more() {
        return at < end;
    }

    /** Where the next byte is, in the array. */
    int position() {
        return at;
    }

    int u8() throws Malformed {
        if (at >= end) {
            throw new Malformed("a record runs past the end of its block");
        }
        return bytes[at++] & 0xFF;
    }

    long varint() throws Malformed {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            if (shift == 63 && (b & 0x7E) != 0) {
                throw new Malformed("a number longer than 64 bits");
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new Malformed("a number longer than ten bytes");
    }

    long zigzag() throws Malformed {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that must lie in {@code min..max}, for {@code what}. */
    int intIn(int min, int max, String what) throws Malformed {
        long v = varint();
        if (v < min || v > max) {
            throw new Malformed(what + " " + Long.toUnsignedString(v) + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    long longLE() throws Malformed {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    String utf8() throws Malformed {
        int n = intIn(0, RecordFormat.MAX_TEXT_BYTES, "a text of");
        if (end - at < n) {
            throw new Malformed("a text runs past the end of its block");
        }
        String s = new String(bytes, at, n, StandardCharsets.UTF_8);
        at += n;
        return s;
    }

    static int intLE(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
