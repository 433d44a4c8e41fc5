package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.percuss.device.serial.PortInfo;
import org.junit.jupiter.api.Test;

class PortsCommandTest {

    @Test
    void saysPlainlyWhenThereAreNone() {
        assertThat(PortsCommand.lines(List.of())).containsExactly(
                "no serial ports found (plug in a USB-serial adapter; for a pseudo-terminal pair see docs/board-makers.md)");
    }

    @Test
    void listsEachPortWithItsDescription() {
        assertThat(PortsCommand.lines(List.of(new PortInfo("/dev/ttyUSB0", "CP2102 USB to UART"))))
                .containsExactly("/dev/ttyUSB0             CP2102 USB to UART");
    }

    @Test
    void theCommandRunsOnThisMachineWhateverItHas() {
        CliRun run = CliRun.of("ports");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isNotBlank();
        assertThat(run.err()).isEmpty();
    }
}
