package org.percuss.controller.e2e;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.serial.SerialLink;

/**
 * The board's end of the link, recording every packet that crosses it with the time it crossed,
 * and able to add line noise both ways: bits flipped at random in what the board receives and in
 * what it sends, and now and then a burst of random bytes between its packets. Packets are
 * recorded as they were really sent and received, before noise on the way out and after it on the
 * way in.
 */
final class RecordingLink implements SerialLink {

    private final SerialLink link;
    private final PacketDecoder fromHost = new PacketDecoder();
    private final PacketDecoder fromBoard = new PacketDecoder();
    final List<Timed> hostPackets = new CopyOnWriteArrayList<>();
    /** The board's clock, in ms, when each host packet was read (the board thread reads it). */
    final List<Long> hostPacketBoardMillis = new CopyOnWriteArrayList<>();
    private java.util.function.LongSupplier boardClock = () -> 0;
    final List<Timed> boardPackets = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();
    private final SplittableRandom random = new SplittableRandom(42);
    private volatile double flipProbability;
    private volatile double burstProbability;

    RecordingLink(SerialLink link) {
        this.link = link;
    }

    /** Where to read the board's clock, in nanoseconds, when a host packet arrives. */
    void boardClock(java.util.function.LongSupplier nanos) {
        this.boardClock = nanos;
    }

    /**
     * Line noise from now on: each byte either way has one bit flipped with probability
     * {@code flip}; after each packet the board sends, a burst of 1..8 random bytes follows with
     * probability {@code burst}.
     */
    void noise(double flip, double burst) {
        flipProbability = flip;
        burstProbability = burst;
    }

    private void flipBits(byte[] buffer, int offset, int length) {
        double flip = flipProbability;
        if (flip > 0) {
            for (int i = offset; i < offset + length; i++) {
                if (random.nextDouble() < flip) {
                    buffer[i] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
    }

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = link.read(buffer, offset, length);
        if (n > 0) {
            long now = System.nanoTime();
            long board = boardClock.getAsLong() / 1_000_000L;
            fromHost.feed(buffer, offset, n, p -> {
                hostPackets.add(new Timed(now, p));
                hostPacketBoardMillis.add(board);
            });
            signal();
            flipBits(buffer, offset, n);
        }
        return n;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        long now = System.nanoTime();
        fromBoard.feed(buffer, offset, length, p -> boardPackets.add(new Timed(now, p)));
        byte[] bytes = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
        flipBits(bytes, 0, bytes.length);
        link.write(bytes, 0, bytes.length);
        signal();
        if (burstProbability > 0 && random.nextDouble() < burstProbability) {
            byte[] noise = new byte[1 + random.nextInt(8)];
            random.nextBytes(noise);
            link.write(noise, 0, noise.length);
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** Waits until {@code condition} holds, woken by each packet; false when {@code millis} pass first. */
    boolean await(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (changed) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.wait(Math.max(1, left / 1_000_000L));
            }
        }
        return true;
    }

    @Override
    public void close() {
        link.close();
    }
}
