package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.percuss.controller.text.Echo;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.pty.PseudoTerminal;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.serial.SerialLink;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.BoardRunner;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code percuss board}: the simulated gun as a board on a serial port or a pseudo-terminal of its
 * own, speaking PROTOCOL.md, so a host (percuss itself, or one you write) can be tried without
 * hardware. Faults and the emergency-stop input can be scheduled, and line noise sent, to test how
 * a host copes. It serves until Ctrl-C (or SIGTERM), then says how many commands it served and how
 * many bad frames it dropped.
 */
@Command(name = "board", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Emulate a motor-controller board (PROTOCOL.md) on a pseudo-terminal of its own (--pty) or on a "
            + "serial port (--port), until Ctrl-C. See docs/board-makers.md.")
final class BoardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Percuss parent;

    /** Where the board listens: exactly one of a port and a pseudo-terminal. */
    static final class Where {
        @Option(names = "--pty", required = true,
                description = "Make a pseudo-terminal and serve it; prints the path a host opens (Linux, macOS).")
        boolean pty;

        @Option(names = "--port", required = true, paramLabel = "PATH",
                description = "Serve this serial port (a USB-serial adapter, or one end of a pair you made).")
        String port;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Where where;

    @Option(names = "--pty-link", paramLabel = "PATH",
            description = "With --pty: also make PATH a symbolic link to the pseudo-terminal, a name that stays the "
                + "same from run to run. An earlier link there is replaced; any other file is left alone.")
    private Path ptyLink;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200",
            description = "With --port: the baud rate, 1200..4000000 (a pseudo-terminal has none). Default: "
                + "${DEFAULT-VALUE}.")
    private int baud;

    @Option(names = "--fault", paramLabel = "FAULT@TIME", converter = ScheduledFault.Converter.class,
            description = "Latch a fault at a time after start, e.g. over-temperature@20s. Repeatable. Faults: "
                + "comm-timeout, over-current, over-temperature, under-voltage, stall, internal.")
    private List<ScheduledFault> faults = new ArrayList<>();

    @Option(names = "--estop-at", paramLabel = "TIME", converter = DurationConverter.BoardTime.class,
            description = "Activate the emergency-stop input at this time after start.")
    private Duration estopAt;

    @Option(names = "--noise", paramLabel = "BYTES_PER_S", defaultValue = "0",
            description = "Send about this many random bytes a second to the host, in bursts of 1-8 bytes at random "
                + "moments (each burst spoils the packet after it). Default: 0.")
    private int noise;

    /** A fault to latch at a time. */
    record ScheduledFault(Fault fault, Duration at) {
        static final class Converter implements ITypeConverter<ScheduledFault> {
            @Override
            public ScheduledFault convert(String value) {
                int at = value.indexOf('@');
                if (at < 0) {
                    throw new TypeConversionException("'" + Echo.value(value) + "' is not FAULT@TIME, e.g. over-temperature@20s");
                }
                String name = value.substring(0, at).toUpperCase(Locale.ROOT).replace('-', '_');
                Fault fault;
                try {
                    fault = Fault.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException("'" + Echo.value(value.substring(0, at)) + "' is not a board fault");
                }
                if (!fault.isWireFault() || fault == Fault.EMERGENCY_STOP) {
                    throw new TypeConversionException("'" + Echo.value(value.substring(0, at))
                            + "' is not a board fault (for the emergency stop use --estop-at)");
                }
                try {
                    return new ScheduledFault(fault, new DurationConverter.BoardTime().convert(value.substring(at + 1)));
                } catch (TypeConversionException e) {
                    throw new TypeConversionException("the time of " + Echo.value(value) + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public Integer call() {
        if (baud < 1200 || baud > 4_000_000) {
            throw new ParameterException(spec.commandLine(), "--baud must be 1200..4000000, got " + baud);
        }
        if (noise < 0 || noise > 10_000) {
            throw new ParameterException(spec.commandLine(), "--noise must be 0..10000, got " + noise);
        }
        if (ptyLink != null && !where.pty) {
            throw new ParameterException(spec.commandLine(), "--pty-link goes with --pty");
        }
        PrintWriter out = spec.commandLine().getOut();
        VirtualClock clock = new VirtualClock();
        SimulatedBoard board = SimulatedGun.create(clock).board();
        Line line = where.pty ? pseudoTerminal() : new Line(JSerialCommLink.open(where.port, baud), null,
                "board: emulating a percuss board on " + where.port + " at " + baud + " baud");
        BoardRunner runner = new BoardRunner(line.link(), clock, board, Ticker.system());
        for (ScheduledFault f : faults) {
            clock.schedule(f.at(), () -> board.latchFault(f.fault()));
        }
        if (estopAt != null) {
            clock.schedule(estopAt, () -> board.setInput(Input.EMERGENCY_STOP, true));
        }
        if (noise > 0) {
            new NoiseBursts(clock, line.link(), noise).start();
        }
        var caps = board.capabilities();
        // the signals are routed before the first line, so a host that reads it may stop the board at once
        try (PortLink ignored = line.name();
             StopSignals signals = parent.ownsProcess() ? StopSignals.install(runner::stop) : null) {
            out.println(line.announcement());
            out.printf("board: %d..%d ppm, watchdog %d ms, telemetry every %d ms; Ctrl-C to stop%n", caps.minPpm(),
                    caps.maxPpm(), caps.watchdogMillis(), caps.telemetryPeriodMillis());
            out.flush();
            Thread.ofPlatform().name("board").start(runner).join();
        } catch (InterruptedException e) {
            runner.stop();
            Thread.currentThread().interrupt();
        } finally {
            line.link().close();
        }
        out.println("board: " + runner.endReason() + "; " + runner.protocol().commands() + " commands served, "
                + runner.protocol().droppedFrames() + " bad frames dropped");
        out.flush();
        return ExitCode.OK.code();
    }

    /**
     * Where the board listens, and the line that says so.
     *
     * @param link the board's end
     * @param name a stable link to it ({@code --pty-link}), or null
     * @param announcement the first line printed
     */
    private record Line(SerialLink link, PortLink name, String announcement) {
    }

    /** A pseudo-terminal of the board's own, linked from {@code --pty-link} when given. */
    private Line pseudoTerminal() {
        PseudoTerminal pty;
        try {
            pty = parent.pseudoTerminals().get();
        } catch (DeviceException e) {
            throw new ParameterException(spec.commandLine(), "--pty: " + e.getMessage());
        }
        if (ptyLink == null) {
            return new Line(pty, null, "board: listening on " + pty.path() + " \u2014 run: percuss run --device serial:"
                    + pty.path());
        }
        PortLink name;
        try {
            name = PortLink.create(ptyLink, Path.of(pty.path()));
        } catch (IllegalArgumentException e) {
            pty.close();
            throw new ParameterException(spec.commandLine(), "--pty-link: " + e.getMessage());
        }
        return new Line(pty, name, "board: listening on " + pty.path() + " (also " + name.path()
                + ") \u2014 run: percuss run --device serial:" + name.path());
    }
}
