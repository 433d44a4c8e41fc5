package org.percuss.controller.record;

import java.util.Arrays;

/**
 * Bytes being written, in a reused array: varints, zig-zag varints, little-endian words and UTF-8
 * text, without allocating (the array grows only past its capacity, which a session never reaches).
 */
final class RecordBuffer {

    private byte[] bytes;
    private int size;

    RecordBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Forgets everything after {@code size} bytes. */
    void truncate(int newSize) {
        size = newSize;
    }

    void put(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    /** An unsigned LEB128 varint: seven bits a byte, low first, the top bit set on all but the last. */
    void putVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** A signed value as a zig-zag varint: 0, -1, 1, -2 … become 0, 1, 2, 3 … */
    void putZigzag(long v) {
        putVarint((v << 1) ^ (v >> 63));
    }

    void putIntLE(int v, int at) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >>> 8);
        bytes[at + 2] = (byte) (v >>> 16);
        bytes[at + 3] = (byte) (v >>> 24);
    }

    void putLongLE(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
    }

    /** Reserves {@code n} bytes to fill in later; returns where they are. */
    int reserve(int n) {
        ensure(n);
        int at = size;
        size += n;
        return at;
    }

    /**
     * {@code text} as a varint byte length and its UTF-8 bytes, cut (at a character) to at most
     * {@code maxBytes}. Unpaired surrogates become {@code ?}.
     */
    void putUtf8(String text, int maxBytes) {
        int n = 0;
        int chars = 0;
        while (chars < text.length()) {
            int w = width(text, chars);
            if (n + w > maxBytes) {
                break;
            }
            n += w;
            chars += Character.isHighSurrogate(text.charAt(chars)) && w == 4 ? 2 : 1;
        }
        putVarint(n);
        ensure(n);
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[size++] = '?';
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    /** How many UTF-8 bytes the character at {@code i} takes (4 for a surrogate pair, 1 for a lone surrogate). */
    private static int width(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return 4;
        }
        return Character.isSurrogate(c) ? 1 : 3;
    }

    private void ensure(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
