package org.percuss.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;

/**
 * The streaming protocol decoder ({@code device.protocol.PacketDecoder}) over 64 KiB of valid
 * wire frames, the stream of a running session, in MB/s of wire bytes: the score is in operations
 * per microsecond, and an operation is one byte ({@code @OperationsPerInvocation}), so the score is
 * bytes per microsecond, which is MB/s (10^6 bytes a second). For scale: the link carries 11,520
 * bytes a second at 115200 baud.
 *
 * <p>{@code stream}: {@code HOST} is what the host's decoder reads, the board's side of a running
 * session (every 20 ms a 21-byte TELEMETRY report with changing values and the ACKs of the two
 * SET_SPEED commands of that time); {@code BOARD} is what the board's decoder reads, the host's
 * side (a SET_SPEED every 10 ms). The decoder hands out a new {@code Packet} record per frame (its
 * API), which {@code -prof gc} shows per byte. The last few bytes of the buffer, too short for a
 * whole frame, are delimiters (empty frames, skipped).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Decoder -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class DecoderBenchmark {

    /** The wire bytes decoded per invocation. */
    static final int BYTES = 64 * 1024;

    @Param({"HOST", "BOARD"})
    public String stream;

    private final byte[] wire = new byte[BYTES];
    private final PacketDecoder decoder = new PacketDecoder();
    private long packets;
    private Packet last;
    private final Consumer<Packet> sink = p -> {
        last = p;
        packets++;
    };
    private long framesPerBuffer;

    @Setup(Level.Trial)
    public void setUp() {
        int n = 0;
        int seq = 0;
        int boardSeq = 0;
        for (int period = 0; ; period++) {
            byte[][] frames;
            if (stream.equals("HOST")) {
                // 2200 ppm with noise, 1.2 A, 35 °C warming, 16 V sagging, moving, no fault, uptime in ms
                frames = new byte[][] {
                    PacketEncoder.toWire(new Packet.TelemetryReport(boardSeq++ & 0xFF, 2195 + period % 11,
                            1180 + period % 43, 350 + period / 500, 16_000 - period / 50, 0x08, 0, period * 20L)),
                    PacketEncoder.toWire(new Packet.Ack(boardSeq++ & 0xFF, seq++ & 0xFF)),
                    PacketEncoder.toWire(new Packet.Ack(boardSeq++ & 0xFF, seq++ & 0xFF)),
                };
            } else if (stream.equals("BOARD")) {
                frames = new byte[][] {
                    PacketEncoder.toWire(new Packet.SetSpeed(seq++ & 0xFF, 2200)),
                    PacketEncoder.toWire(new Packet.SetSpeed(seq++ & 0xFF, 2200)),
                };
            } else {
                throw new IllegalArgumentException("stream is HOST or BOARD, not " + stream);
            }
            for (byte[] f : frames) {
                if (n + f.length > BYTES) {
                    // the rest: delimiters (empty frames); the buffer ends on a frame's end
                    java.util.Arrays.fill(wire, n, BYTES, (byte) 0);
                    check();
                    return;
                }
                System.arraycopy(f, 0, wire, n, f.length);
                n += f.length;
                framesPerBuffer++;
            }
        }
    }

    /** Every frame decodes, none is dropped. */
    private void check() {
        decode();
        if (packets != framesPerBuffer || decoder.droppedFrames() != 0) {
            throw new IllegalStateException("decoded " + packets + " packets of " + framesPerBuffer + " frames, dropped "
                    + decoder.droppedFrames());
        }
    }

    /** The whole buffer through the decoder; each byte is an operation. */
    @Benchmark
    @OperationsPerInvocation(BYTES)
    public long decode() {
        decoder.feed(wire, 0, BYTES, sink);
        return packets + (last == null ? 0 : last.seq());
    }
}
