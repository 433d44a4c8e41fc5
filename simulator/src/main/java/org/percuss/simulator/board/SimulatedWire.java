package org.percuss.simulator.board;

import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.percuss.device.serial.ByteSink;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.LinkImpairment;

/**
 * A serial line between a host and a board on a {@link VirtualClock}: what one end writes arrives
 * at the other end after its transmission time, in order, each direction on its own line, as a
 * UART pair delivers it. At 8N1 a byte takes 10 bit times:
 *
 * <pre>
 *   byte time = 10 / baud            (86.8 µs at 115200; a 9-byte SET_SPEED frame: 0.78 ms)
 *   arrival   = max(now, line free) + bytes · byte time + delay
 * </pre>
 *
 * and the receiving end gets the whole write at its arrival (a UART's reader sees the bytes a
 * little earlier; nothing in the protocol depends on that). The scenario's link impairments act on
 * the bytes: a cut line delivers nothing; a noisy one flips one bit of a write with the given
 * probability, never making or breaking a delimiter (the receiver's CRC then drops that frame, as
 * on a real line); a slow one adds a fixed delay, and a line never reorders when it ends. Deliveries are scheduled on the clock, never made inside a write, so an endpoint is
 * never re-entered. Randomness comes from the seeded generator given.
 */
public final class SimulatedWire implements LinkImpairment {

    /** One end's receiver: bytes that arrived. */
    @FunctionalInterface
    public interface Receiver {
        void receive(byte[] buffer, int offset, int length);
    }

    /** PROTOCOL.md's line speed. */
    public static final int PROTOCOL_BAUD = 115_200;

    private final VirtualClock clock;
    private final long byteNanos;
    private final RandomGenerator random;
    private final Line toBoard = new Line();
    private final Line toHost = new Line();
    private boolean dropped;
    private double corruptProbability;
    private long delayNanos;
    private long corrupted;

    /**
     * @param baud the line's speed (115200 for PROTOCOL.md)
     * @param random the seeded source of corrupted bytes
     */
    public SimulatedWire(VirtualClock clock, int baud, RandomGenerator random) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive, got " + baud);
        }
        this.clock = clock;
        this.byteNanos = 10 * 1_000_000_000L / baud;
        this.random = random;
    }

    /** Joins the ends: {@code host} hears the board, {@code board} hears the host. */
    public void connect(Receiver host, Receiver board) {
        toHost.receiver = host;
        toBoard.receiver = board;
    }

    /** Where the host writes. */
    public ByteSink hostEnd() {
        return toBoard::send;
    }

    /** Where the board writes. */
    public BoardProtocol.BytesOut boardEnd() {
        return toHost::send;
    }

    /** Writes that had a bit flipped on the way. */
    public long corruptedWrites() {
        return corrupted;
    }

    @Override
    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    /** Spoils each write, either way, with this probability: one bit flipped, so its frame is dropped. */
    @Override
    public void setLossProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability must be 0..1, got " + probability);
        }
        corruptProbability = probability;
    }

    @Override
    public void setDelay(Duration delay) {
        delayNanos = delay.toNanos();
    }

    /** One direction of the line: in order, whatever the delay does (a wire never reorders). */
    private final class Line {
        private Receiver receiver;
        private long freeAtNanos;
        private long lastArrivalNanos;

        void send(byte[] buffer, int offset, int length) {
            long start = Math.max(clock.nanos(), freeAtNanos);
            freeAtNanos = start + length * byteNanos;
            if (dropped || receiver == null || length == 0) {
                return;
            }
            byte[] bytes = Arrays.copyOfRange(buffer, offset, offset + length);
            if (corruptProbability > 0 && random.nextDouble() < corruptProbability) {
                spoil(bytes);
                corrupted++;
            }
            long arrival = Math.max(freeAtNanos + delayNanos, lastArrivalNanos);
            lastArrivalNanos = arrival;
            Receiver to = receiver;
            clock.schedule(Duration.ofNanos(arrival - clock.nanos()), () -> to.receive(bytes, 0, bytes.length));
        }

        /**
         * Flips one bit of one byte that is not a frame delimiter, into a byte that is not one
         * either: the frame is lost to its CRC, and only that frame, as with noise on a real line.
         */
        private void spoil(byte[] bytes) {
            int candidates = 0;
            for (byte b : bytes) {
                candidates += b != 0 ? 1 : 0;
            }
            if (candidates == 0) {
                return;
            }
            int pick = random.nextInt(candidates);
            int bit = random.nextInt(8);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != 0 && pick-- == 0) {
                    byte spoiled = (byte) (bytes[i] ^ (1 << bit));
                    bytes[i] = spoiled != 0 ? spoiled : (byte) (bytes[i] ^ (1 << ((bit + 1) % 8)));
                    return;
                }
            }
        }
    }
}
