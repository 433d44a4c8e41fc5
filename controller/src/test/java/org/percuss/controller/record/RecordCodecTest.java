package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.Telemetry;

/** The records' encodings: every value comes back to the bit, and the usual ones are short. */
class RecordCodecTest {

    @Property
    void varintsAndZigzagsComeBackWhole(@ForAll long v) throws Exception {
        RecordBuffer b = new RecordBuffer(1);
        b.putVarint(v);
        b.putZigzag(v);
        b.putLongLE(v);
        RecordInput in = new RecordInput(b.array(), 0, b.size());
        assertThat(in.varint()).isEqualTo(v);
        assertThat(in.zigzag()).isEqualTo(v);
        assertThat(in.longLE()).isEqualTo(v);
        assertThat(in.more()).isFalse();
    }

    @Test
    void smallNumbersOfEitherSignTakeOneByte() {
        for (long v = -64; v < 64; v++) {
            RecordBuffer b = new RecordBuffer(16);
            b.putZigzag(v);
            assertThat(b.size()).as("zigzag %d", v).isEqualTo(1);
        }
    }

    @Property
    void textComesBackAsUtf8CutAtACharacter(@ForAll String text) throws Exception {
        RecordBuffer b = new RecordBuffer(1);
        b.putUtf8(text, RecordFormat.MAX_TEXT_BYTES);
        String back = new RecordInput(b.array(), 0, b.size()).utf8();
        String expected = text.replaceAll("\\p{Cs}", "?"); // unpaired surrogates are not text
        if (expected.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= RecordFormat.MAX_TEXT_BYTES) {
            assertThat(back).isEqualTo(text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF) ? expected : text);
        } else {
            assertThat(expected).startsWith(back);
        }
    }

    @Test
    void aLongTextIsCutBeforeACharacterThatWouldNotFit() throws Exception {
        String text = "é".repeat(3000); // 6000 bytes in UTF-8
        RecordBuffer b = new RecordBuffer(1);
        b.putUtf8(text, 4095);
        String back = new RecordInput(b.array(), 0, b.size()).utf8();
        assertThat(back).isEqualTo("é".repeat(2047));
    }

    @Test
    void aRecordRunningPastItsBlockIsMalformedNotAnIndexError() {
        byte[] b = {(byte) 0x80, (byte) 0x80};
        assertThatThrownBy(() -> new RecordInput(b, 0, 2).varint()).isInstanceOf(RecordInput.Malformed.class)
                .hasMessageContaining("past the end of its block");
        byte[] eleven = new byte[11];
        java.util.Arrays.fill(eleven, (byte) 0xFF);
        assertThatThrownBy(() -> new RecordInput(eleven, 0, 11).varint()).isInstanceOf(RecordInput.Malformed.class);
        byte[] text = {5, 'a'};
        assertThatThrownBy(() -> new RecordInput(text, 0, 2).utf8()).isInstanceOf(RecordInput.Malformed.class);
    }

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6).ofScale(3),
                Arbitraries.doubles().between(-100, 200).ofScale(1),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                        Double.MAX_VALUE, 1e300, 0.1 + 0.2, Math.PI),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }

    @Provide
    Arbitrary<Telemetry> telemetry() {
        Arbitrary<Long> time = Arbitraries.oneOf(Arbitraries.longs().between(0, 1L << 50), Arbitraries.longs());
        return Combinators.combine(time, Arbitraries.integers(), anyDouble(), anyDouble(), anyDouble(),
                Arbitraries.integers().between(0, 255), Arbitraries.integers(), Arbitraries.longs())
                .as((r, ppm, a, c, v, in, f, up) -> new Telemetry(r, ppm, a, c, v, new Inputs(in), new FaultSet(f), up));
    }

    @Property
    void anySequenceOfReportsComesBackToTheBit(@ForAll @Size(max = 20) List<@net.jqwik.api.From("telemetry") Telemetry> reports)
            throws Exception {
        TelemetryCodec writer = new TelemetryCodec(20);
        RecordBuffer b = new RecordBuffer(8);
        for (Telemetry t : reports) {
            writer.encode(t, b);
        }
        TelemetryCodec reader = new TelemetryCodec(20);
        RecordInput in = new RecordInput(b.array(), 0, b.size());
        for (Telemetry t : reports) {
            assertThat(in.u8()).isEqualTo(RecordFormat.TELEMETRY);
            Telemetry back = reader.decode(in);
            assertThat(sameValues(back, t)).as("%s came back as %s", t, back).isTrue();
        }
        assertThat(in.more()).isFalse();
    }

    /** Whether two reports hold the same values, to the bit. */
    static boolean sameValues(Telemetry a, Telemetry b) {
        return a.receivedNanos() == b.receivedNanos() && a.measuredPpm() == b.measuredPpm()
                && Double.doubleToRawLongBits(a.currentAmps()) == Double.doubleToRawLongBits(b.currentAmps())
                && Double.doubleToRawLongBits(a.temperatureCelsius()) == Double.doubleToRawLongBits(b.temperatureCelsius())
                && Double.doubleToRawLongBits(a.supplyVolts()) == Double.doubleToRawLongBits(b.supplyVolts())
                && a.inputs().bits() == b.inputs().bits() && a.faults().bits() == b.faults().bits()
                && a.uptimeMillis() == b.uptimeMillis();
    }

    @Test
    void aTypicalReportEveryTwentyMillisecondsTakesAFewBytes() {
        TelemetryCodec writer = new TelemetryCodec(20);
        RecordBuffer b = new RecordBuffer(8);
        writer.encode(new Telemetry(1_000_000_000L, 2200, 1.234, 41.5, 15.678, Inputs.NONE, FaultSet.NONE, 5000), b);
        int first = b.size();
        // the next report: 20 ms later, the values a little different, in the wire's units
        writer.encode(new Telemetry(1_020_000_000L, 2203, 1.241, 41.5, 15.671, Inputs.NONE, FaultSet.NONE, 5020), b);
        assertThat(b.size() - first).as("tag, mask, ppm, mA, mV").isEqualTo(5);
    }

    @Test
    void aFrozenSensorsUnquantisedValueIsKeptWhole() throws Exception {
        TelemetryCodec writer = new TelemetryCodec(20);
        RecordBuffer b = new RecordBuffer(8);
        Telemetry frozen = new Telemetry(0, 0, 2.8371928374, 63.2918, 15.0, Inputs.NONE, FaultSet.NONE, 0);
        writer.encode(frozen, b);
        Telemetry back = new TelemetryCodec(20).decode(new RecordInput(b.array(), 1, b.size()));
        assertThat(back.currentAmps()).isEqualTo(2.8371928374);
        assertThat(back.temperatureCelsius()).isEqualTo(63.2918);
    }

    @Test
    void aTelemetryMaskWithUnknownOrContradictoryBitsIsMalformed() {
        for (int mask : new int[] {1 << 11, TelemetryCodec.CURRENT | TelemetryCodec.CURRENT_RAW}) {
            RecordBuffer b = new RecordBuffer(8);
            b.putVarint(mask);
            assertThatThrownBy(() -> new TelemetryCodec(20).decode(new RecordInput(b.array(), 0, b.size() + 16)))
                    .isInstanceOf(RecordInput.Malformed.class).hasMessageContaining("field mask");
        }
    }
}
