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
 * probability (the receiver's CRC then drops the frame, as on a real line); a slow one adds a
 * fixed delay. Deliveries are scheduled on the clock, never made inside a write, so an endpoint is
 * never re-entered. Randomness comes from the seeded generator given.
 */
public final class SimulatedWire implements LinkImpairment {

    /** One end's receiver: bytes that arrived. */
    @FunctionalInterface
    public interface Receiver {
        void receive(byte[] buffer, int offset, int length);
    }

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
    public ByteSink boardEnd() {
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

    /** One direction of the line. */
    private final class Line {
        private Receiver receiver;
        private long freeAtNanos;

        void send(byte[] buffer, int offset, int length) {
            long start = Math.max(clock.nanos(), freeAtNanos);
            freeAtNanos = start + length * byteNanos;
            if (dropped || receiver == null || length == 0) {
                return;
            }
            byte[] bytes = Arrays.copyOfRange(buffer, offset, offset + length);
            if (corruptProbability > 0 && random.nextDouble() < corruptProbability) {
                bytes[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
                corrupted++;
            }
            Receiver to = receiver;
            clock.schedule(Duration.ofNanos(freeAtNanos - clock.nanos() + delayNanos), () -> to.receive(bytes, 0, bytes.length));
        }
    }
}
