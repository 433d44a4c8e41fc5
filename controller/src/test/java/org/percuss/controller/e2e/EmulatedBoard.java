package org.percuss.controller.e2e;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.percuss.device.serial.SerialLink;
import org.percuss.device.time.Ticker;
import org.percuss.device.os.RealTimePriority;
import org.percuss.simulator.board.BoardRunner;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/** The simulated board served on the board's end of a pty pair, in this JVM, with the wire recorded. */
final class EmulatedBoard implements AutoCloseable {

    final RecordingLink link;
    private final SimulatedBoard board;
    private final BoardRunner runner;
    private final Thread thread;

    EmulatedBoard(SerialLink end) {
        this(end, RealTimePriority.NORMAL);
    }

    /** A board whose thread runs at {@code priority}, as a UART's interrupt would take the bytes at once. */
    EmulatedBoard(SerialLink end, RealTimePriority priority) {
        VirtualClock clock = new VirtualClock();
        board = SimulatedGun.create(clock).board();
        link = new RecordingLink(end);
        link.boardClock(clock::nanos); // read on the board's thread, which owns the clock
        runner = new BoardRunner(link, clock, board, Ticker.system());
        thread = Thread.ofPlatform().name("emulated-board").start(() -> {
            priority.applyToCurrentThread().ifPresent(why -> System.err.println("emulated board: " + why));
            runner.run();
        });
    }

    /** Does {@code action} on the board's own thread, at its next turn. */
    void execute(Consumer<SimulatedBoard> action) {
        runner.execute(() -> action.accept(board));
    }

    /** Frames from the host the board dropped as corrupt. */
    long droppedFrames() {
        return runner.protocol().droppedFrames();
    }

    List<Timed> hostPackets() {
        return link.hostPackets;
    }

    List<Timed> boardPackets() {
        return link.boardPackets;
    }

    /** The first packet the board sent after {@code afterNanos} that matches. */
    Timed firstFromBoard(long afterNanos, Predicate<Timed> matches) {
        return boardPackets().stream().filter(t -> t.nanos() >= afterNanos && matches.test(t)).findFirst().orElse(null);
    }

    /** The first packet the host sent after {@code afterNanos} that matches. */
    Timed firstFromHost(long afterNanos, Predicate<Timed> matches) {
        return hostPackets().stream().filter(t -> t.nanos() >= afterNanos && matches.test(t)).findFirst().orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        runner.stop();
        thread.join(2000);
        link.close();
    }
}
