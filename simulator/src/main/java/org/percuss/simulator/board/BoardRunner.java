package org.percuss.simulator.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.percuss.device.serial.SerialLink;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.clock.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulated board on a {@link SerialLink} (a serial port, a pseudo-terminal, an in-memory
 * pipe) in real time: one thread reads what the host sent, hands it to the {@link BoardProtocol}
 * at once, and keeps the board's {@link VirtualClock} in step with the wall clock, so physics,
 * watchdog and telemetry run as on real hardware. The clock and the board are touched only by this
 * thread.
 */
public final class BoardRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BoardRunner.class);

    private final SerialLink link;
    private final VirtualClock clock;
    private final Ticker wall;
    private final BoardProtocol protocol;
    private final Queue<Runnable> actions = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private volatile String endReason = "";

    /**
     * @param link the link to the host
     * @param clock the board's clock (its board already powered up on it)
     * @param board the board to speak for
     * @param wall the wall clock the virtual clock follows
     */
    public BoardRunner(SerialLink link, VirtualClock clock, SimulatedBoard board, Ticker wall) {
        this.link = link;
        this.clock = clock;
        this.wall = wall;
        this.protocol = new BoardProtocol(board, (buffer, offset, length) -> {
            try {
                link.write(buffer, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public BoardProtocol protocol() {
        return protocol;
    }

    /** Runs until {@link #stop()} or until the link is gone. */
    @Override
    public void run() {
        byte[] buffer = new byte[512];
        long wallStart = wall.nanos();
        long clockStart = clock.nanos();
        try {
            while (!stopped) {
                // Bring the board's clock up to now first, so what is read next is read, and
                // handled, at one board time.
                clock.advanceTo(Math.max(clock.nanos(), clockStart + (wall.nanos() - wallStart)), () -> false);
                for (Runnable action; (action = actions.poll()) != null; ) {
                    action.run();
                }
                // the link's read waits a millisecond or so when nothing comes
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    endReason = "the link was closed";
                    return;
                }
                if (n > 0) {
                    protocol.receive(buffer, 0, n);
                }
            }
            endReason = "stopped";
        } catch (IOException | UncheckedIOException e) {
            endReason = "link error: " + e.getMessage();
            LOG.warn("board: {}", endReason);
        }
    }

    /**
     * Runs {@code action} on the board's thread at its next turn (within a few milliseconds): the
     * only safe way for another thread to touch the board or its clock.
     */
    public void execute(Runnable action) {
        actions.add(action);
    }

    /** Ends {@link #run()} at its next turn. */
    public void stop() {
        stopped = true;
    }

    /** Why {@link #run()} returned. */
    public String endReason() {
        return endReason;
    }
}
