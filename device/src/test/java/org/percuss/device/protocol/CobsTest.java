package org.percuss.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CobsTest {

    @ParameterizedTest
    @CsvSource({
        "'',           01",
        "00,           0101",
        "0000,         010101",
        "11220033,     03112202 33",
        "11223344,     0511223344",
        "11000000,     02110101 01",
    })
    void encodesTheClassicExamples(String in, String out) {
        byte[] raw = HexFormat.of().parseHex(in.replace(" ", ""));
        byte[] buf = new byte[Cobs.maxEncodedLength(raw.length)];
        int n = Cobs.encode(raw, 0, raw.length, buf, 0);
        assertThat(Arrays.copyOf(buf, n)).isEqualTo(HexFormat.of().parseHex(out.replace(" ", "")));
        byte[] back = new byte[raw.length + 1];
        assertThat(Cobs.decode(buf, 0, n, back)).isEqualTo(raw.length);
        assertThat(Arrays.copyOf(back, raw.length)).isEqualTo(raw);
    }

    @Test
    void aRunOf254NonZeroBytesNeedsAnExtraBlock() {
        byte[] raw = new byte[254];
        Arrays.fill(raw, (byte) 7);
        byte[] buf = new byte[Cobs.maxEncodedLength(raw.length)];
        int n = Cobs.encode(raw, 0, raw.length, buf, 0);
        assertThat(n).isEqualTo(256);
        assertThat(buf[0] & 0xFF).isEqualTo(0xFF);
        assertThat(buf[255]).isEqualTo((byte) 1);
        byte[] back = new byte[300];
        assertThat(Cobs.decode(buf, 0, n, back)).isEqualTo(254);
    }

    @Test
    void rejectsInvalidFrames() {
        byte[] out = new byte[64];
        assertThat(Cobs.decode(new byte[] {0x05, 1, 2}, 0, 3, out)).isEqualTo(-1); // block runs past the end
        assertThat(Cobs.decode(new byte[] {0x03, 1, 0}, 0, 3, out)).isEqualTo(-1); // zero inside a frame
        assertThat(Cobs.decode(new byte[] {0x00}, 0, 1, out)).isEqualTo(-1);       // zero code
    }
}
