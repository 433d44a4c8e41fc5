package org.percuss.controller.conformance;

import java.util.Optional;
import org.percuss.device.api.Input;
import org.percuss.device.serial.InMemoryLink;
import org.percuss.device.serial.SerialLink;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.BoardRunner;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * The conformance suite against percuss's emulated board (the board {@code percuss board} serves),
 * powered up for each test in this JVM and run in real time by its {@link BoardRunner}. Needs
 * nothing but a JDK: it runs in every build.
 */
class JavaBoardConformanceTest extends BoardConformanceTest {

    @Override
    protected BoardUnderTest powerUp(String test) {
        VirtualClock clock = new VirtualClock();
        SimulatedBoard board = SimulatedGun.create(clock).board();
        InMemoryLink[] cable = InMemoryLink.pair("emulated board");
        BoardRunner runner = new BoardRunner(cable[1], clock, board, Ticker.system());
        Thread thread = Thread.ofPlatform().name("emulated-board").daemon().start(runner);
        return new BoardUnderTest() {
            @Override
            public SerialLink link() {
                return cable[0];
            }

            @Override
            public boolean freshlyPoweredUp() {
                return true;
            }

            @Override
            public Optional<Injector> injector() {
                return Optional.of(pressed -> runner.execute(() -> board.setInput(Input.EMERGENCY_STOP, pressed)));
            }

            @Override
            public void close() {
                runner.stop();
                try {
                    thread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cable[1].close();
            }
        };
    }
}
