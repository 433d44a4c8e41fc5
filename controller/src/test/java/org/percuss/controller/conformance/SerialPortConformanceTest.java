package org.percuss.controller.conformance;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.serial.SerialLink;

/**
 * The conformance suite against a real board on a serial port, for board makers:
 * <pre>
 *   ./mvnw -B -ntp -Phardware verify -Dpercuss.board.port=/dev/ttyACM0 [-Dpercuss.board.baud=115200]
 * </pre>
 * The suite cannot power-cycle the board, nor press its emergency stop: the tests that need either
 * say so and are skipped. Leave the motor free to turn: some tests run it at min_ppm.
 */
@Tag("hardware")
class SerialPortConformanceTest extends BoardConformanceSuite {

    @Override
    protected BoardUnderTest powerUp(String test) {
        String port = System.getProperty("percuss.board.port");
        if (port == null || port.isBlank()) {
            throw new IllegalStateException("say which port the board is on: -Dpercuss.board.port=/dev/ttyACM0");
        }
        int baud = Integer.getInteger("percuss.board.baud", 115200);
        JSerialCommLink link = JSerialCommLink.open(port, baud);
        return new BoardUnderTest() {
            @Override
            public SerialLink link() {
                return link;
            }

            @Override
            public boolean freshlyPoweredUp() {
                return false;
            }

            @Override
            public Optional<Injector> injector() {
                return Optional.empty();
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }
}
