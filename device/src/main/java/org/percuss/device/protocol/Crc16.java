package org.percuss.device.protocol;

/**
 * CRC-16/CCITT-FALSE, the checksum of every packet (PROTOCOL.md): polynomial 0x1021, initial
 * value 0xFFFF, no reflection, no final XOR. Check value: the ASCII bytes {@code 123456789} give
 * 0x29B1. Table-driven, one table lookup per byte; allocates nothing.
 */
public final class Crc16 {

    private static final int[] TABLE = new int[256];

    static {
        // TABLE[b] is the CRC register after shifting byte b through the polynomial, MSB first.
        for (int b = 0; b < 256; b++) {
            int crc = b << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[b] = crc & 0xFFFF;
        }
    }

    private Crc16() {
    }

    /** The CRC of {@code len} bytes of {@code data} from {@code off}. */
    public static int of(byte[] data, int off, int len) {
        int crc = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
