package org.percuss.device.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the codec over generated packets and byte streams (jqwik). */
class DecoderPropertiesTest {

    @Provide
    Arbitrary<Packet> packets() {
        Arbitrary<Integer> seq = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> u8 = Arbitraries.integers().between(0, 255);
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Integer> i16 = Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        return Arbitraries.oneOf(
                Combinators.combine(seq, u8).as(Packet.Hello::new),
                Combinators.combine(seq, u16).as(Packet.SetSpeed::new),
                seq.map(Packet.Stop::new),
                seq.map(Packet.Ping::new),
                seq.map(Packet.ClearFaults::new),
                Combinators.combine(seq, u16).as(Packet.SetTelemetryPeriod::new),
                Combinators.combine(seq, u8).as(Packet.Ack::new),
                Combinators.combine(seq, u8, u8).as(Packet.Nack::new),
                Combinators.combine(seq, u8, u16, u16, u8, u16).as(Packet.HelloReply::new),
                Combinators.combine(seq, u16, u16, i16, u16, u8, u16, u32).as(Packet.TelemetryReport::new));
    }

    private static List<Packet> decode(byte[] bytes) {
        List<Packet> out = new ArrayList<>();
        new PacketDecoder().feed(bytes, 0, bytes.length, out::add);
        return out;
    }

    @Property(tries = 2000)
    void everyPacketRoundTrips(@ForAll("packets") Packet packet) {
        assertThat(decode(PacketEncoder.toWire(packet))).containsExactly(packet);
    }

    @Property(tries = 500)
    void aStreamOfPacketsDecodesToTheSamePacketsWhateverTheChunking(
            @ForAll @Size(max = 20) List<@From("packets") Packet> packets, @ForAll @IntRange(min = 1, max = 40) int chunk) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        packets.forEach(p -> wire.writeBytes(PacketEncoder.toWire(p)));
        byte[] bytes = wire.toByteArray();
        List<Packet> out = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder();
        for (int off = 0; off < bytes.length; off += chunk) {
            decoder.feed(bytes, off, Math.min(chunk, bytes.length - off), out::add);
        }
        assertThat(out).isEqualTo(packets);
    }

    @Property(tries = 2000)
    void randomBytesNeverThrowAndNeverInventAPacket(@ForAll @Size(max = 400) byte[] noise) {
        // Whatever comes out of noise must be exactly a frame that is in the noise: the decoder
        // only passes packets whose CRC matched.
        for (Packet p : decode(noise)) {
            byte[] frame = PacketEncoder.toWire(p);
            assertThat(indexOf(noise, Arrays.copyOf(frame, frame.length - 1))).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 1000)
    void aValidPacketAfterGarbageIsRecovered(@ForAll @Size(max = 200) byte[] garbage, @ForAll("packets") Packet packet) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(garbage);
        wire.write(0); // the receiver resynchronises at the next delimiter
        wire.writeBytes(PacketEncoder.toWire(packet));
        List<Packet> out = decode(wire.toByteArray());
        assertThat(out).isNotEmpty();
        assertThat(out.get(out.size() - 1)).isEqualTo(packet);
    }

    @Property(tries = 1000)
    void everySingleBitFlipIsCaughtOrHarmless(@ForAll("packets") Packet packet, @ForAll @IntRange(min = 0, max = 1000) int where,
                                              @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] wire = PacketEncoder.toWire(packet);
        int i = where % (wire.length - 1); // not the delimiter
        wire[i] ^= (byte) (1 << bit);
        // CRC-16 catches every single-bit error: a flipped frame never yields a (different) packet
        assertThat(decode(wire)).allSatisfy(p -> assertThat(p).isEqualTo(packet));
        assertThat(decode(wire)).doesNotContain(packet);
    }

    @Property(tries = 300)
    void overlongRunsAreDiscardedWholeAndTheNextPacketStillDecodes(
            @ForAll @IntRange(min = 66, max = 1000) int length, @ForAll("packets") Packet packet) {
        byte[] run = new byte[length];
        Arrays.fill(run, (byte) 0x01); // a COBS-looking run, far longer than any frame
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(run);
        wire.write(0);
        wire.writeBytes(PacketEncoder.toWire(packet));
        PacketDecoder decoder = new PacketDecoder();
        List<Packet> out = new ArrayList<>();
        byte[] bytes = wire.toByteArray();
        decoder.feed(bytes, 0, bytes.length, out::add);
        assertThat(out).containsExactly(packet);
        assertThat(decoder.overlongFrames()).isEqualTo(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
