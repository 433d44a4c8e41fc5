package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.serial.PortInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code percuss ports}: the serial ports of this machine, to give to {@code --device serial:PATH}. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List the serial ports of this machine (for --device serial:PATH).")
final class PortsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        lines(JSerialCommLink.listPorts()).forEach(out::println);
        out.flush();
        return ExitCode.OK.code();
    }

    /** What {@code percuss ports} prints for {@code ports}: one line each, or one saying there are none. */
    static List<String> lines(List<PortInfo> ports) {
        if (ports.isEmpty()) {
            return List.of("no serial ports found (plug in a USB-serial adapter; for a pseudo-terminal pair see"
                    + " docs/board-makers.md)");
        }
        return ports.stream().map(p -> String.format("%-24s %s", p.path(), p.description())).toList();
    }
}
