package org.percuss.controller.conformance;

import org.junit.jupiter.api.Tag;
import org.percuss.device.serial.JSerialCommLink;

/**
 * The conformance suite against the reference firmware (firmware/) on an emulated Arduino Uno:
 * simavr runs the real ELF instruction by instruction, its UART on a pseudo-terminal opened here
 * as any serial port is. Powered up for each test. Needs gcc-avr and simavr: Maven profile
 * {@code firmware} (./mvnw -B -ntp -Pfirmware verify), which builds the firmware first.
 */
@Tag("firmware")
class FirmwareConformanceTest extends BoardConformanceSuite {

    @Override
    protected BoardUnderTest powerUp(String test) throws Exception {
        SimulatedUno uno = SimulatedUno.start(false, SimulatedUno.log("conformance-" + test));
        JSerialCommLink link;
        try {
            link = JSerialCommLink.open(uno.path().toString(), 115200);
        } catch (RuntimeException e) {
            uno.close();
            throw e;
        }
        return BoardUnderTest.emulated(link, pressed -> uno.command(pressed ? "estop on" : "estop off"), uno::close);
    }
}
