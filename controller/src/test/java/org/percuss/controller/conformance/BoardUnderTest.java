package org.percuss.controller.conformance;

import java.util.Optional;
import org.percuss.device.serial.SerialLink;

/**
 * A board the conformance suite runs against: a link to it, and, where the board is emulated, hands
 * on its hardware. One per test, just powered up when {@link #freshlyPoweredUp()} says so.
 */
interface BoardUnderTest extends AutoCloseable {

    /** The link to it, opened. */
    SerialLink link();

    /**
     * Whether this board was powered up for this test, so that what it does before a host speaks
     * can be checked. A real board on a port cannot be power-cycled by the suite.
     */
    boolean freshlyPoweredUp();

    /** Its inputs, set from outside, when the suite can reach them (emulated boards). */
    Optional<Injector> injector();

    /** Disconnects and, for an emulated board, powers it off. */
    @Override
    void close();

    /**
     * An emulated board powered up for this test: the suite reaches its inputs through
     * {@code injector}; closing closes {@code link}, then runs {@code powerOff}.
     */
    static BoardUnderTest emulated(SerialLink link, Injector injector, Runnable powerOff) {
        return new Emulated(link, injector, powerOff);
    }

    /** What {@link #emulated} gives. */
    record Emulated(SerialLink link, Injector inputs, Runnable powerOff) implements BoardUnderTest {
        @Override
        public boolean freshlyPoweredUp() {
            return true;
        }

        @Override
        public Optional<Injector> injector() {
            return Optional.of(inputs);
        }

        @Override
        public void close() {
            link.close();
            powerOff.run();
        }
    }

    /** The hardware around a board, as the suite can act on it. */
    interface Injector {
        /** Presses (or releases) the emergency-stop switch. */
        void emergencyStop(boolean pressed) throws Exception;
    }
}
