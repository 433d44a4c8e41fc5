package org.percuss.controller.conformance;

import org.percuss.device.api.Input;
import org.percuss.device.pty.PseudoTerminal;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.BoardRunner;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * The conformance suite against percuss's emulated board (the board {@code percuss board} serves),
 * powered up for each test in this JVM on the master end of a pseudo-terminal and run in real time
 * by its {@link BoardRunner}; the suite opens the slave's path with jSerialComm, as it opens any
 * serial port. Needs nothing but a JDK: it runs in every build.
 */
class JavaBoardConformanceTest extends BoardConformanceSuite {

    @Override
    protected BoardUnderTest powerUp(String test) {
        VirtualClock clock = new VirtualClock();
        SimulatedBoard board = SimulatedGun.create(clock).board();
        PseudoTerminal pty = PseudoTerminal.open();
        BoardRunner runner = new BoardRunner(pty, clock, board, Ticker.system());
        Thread thread = Thread.ofPlatform().name("emulated-board").daemon().start(runner);
        JSerialCommLink link;
        try {
            link = JSerialCommLink.open(pty.path(), 115200);
        } catch (RuntimeException e) {
            runner.stop();
            pty.close();
            throw e;
        }
        return BoardUnderTest.emulated(link, pressed -> runner.execute(() -> board.setInput(Input.EMERGENCY_STOP, pressed)),
                () -> {
                    runner.stop();
                    try {
                        thread.join(2000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    pty.close();
                });
    }
}
