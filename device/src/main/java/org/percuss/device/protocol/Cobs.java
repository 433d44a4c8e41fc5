package org.percuss.device.protocol;

/**
 * Consistent Overhead Byte Stuffing, the framing of PROTOCOL.md: it removes every 0x00 from a
 * packet so that 0x00 can delimit packets on the wire.
 *
 * <p>The encoding is a sequence of blocks, each a code byte {@code n} (1..255) followed by
 * {@code n − 1} non-zero data bytes; a block with {@code n < 255} stands for its data followed by
 * a zero, except at the very end, where the final zero is implied away. So {@code k} bytes encode
 * to at most {@code k + ⌈k/254⌉ + 1} bytes. Both directions work on caller-provided arrays and
 * allocate nothing.
 */
public final class Cobs {

    private Cobs() {
    }

    /** The most bytes {@code length} bytes can encode to (without the delimiter). */
    public static int maxEncodedLength(int length) {
        return length + length / 254 + 1;
    }

    /**
     * Encodes {@code len} bytes of {@code in} from {@code off} into {@code out} from {@code outOff}.
     *
     * @return the number of bytes written (no delimiter)
     */
    public static int encode(byte[] in, int off, int len, byte[] out, int outOff) {
        int codeAt = outOff;
        int w = outOff + 1;
        int code = 1;
        for (int i = off; i < off + len; i++) {
            byte b = in[i];
            if (b == 0) {
                out[codeAt] = (byte) code;
                codeAt = w++;
                code = 1;
            } else {
                out[w++] = b;
                code++;
                if (code == 0xFF) {
                    out[codeAt] = (byte) code;
                    codeAt = w++;
                    code = 1;
                }
            }
        }
        out[codeAt] = (byte) code;
        return w - outOff;
    }

    /**
     * Decodes {@code len} bytes of {@code in} (one frame, delimiter excluded) into {@code out}.
     *
     * @return the number of bytes decoded, or -1 when the frame is not valid COBS (a zero byte
     *         inside it, a block running past its end, or more output than {@code out} holds)
     */
    public static int decode(byte[] in, int off, int len, byte[] out) {
        int r = off;
        int end = off + len;
        int w = 0;
        while (r < end) {
            int code = in[r++] & 0xFF;
            if (code == 0 || r + code - 1 > end) {
                return -1;
            }
            for (int i = 1; i < code; i++) {
                byte b = in[r++];
                if (b == 0 || w >= out.length) {
                    return -1;
                }
                out[w++] = b;
            }
            if (code < 0xFF && r < end) {
                if (w >= out.length) {
                    return -1;
                }
                out[w++] = 0;
            }
        }
        return w;
    }
}
