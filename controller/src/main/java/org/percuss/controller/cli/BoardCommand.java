package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.percuss.controller.text.Echo;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.BoardRunner;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code percuss board}: the simulated gun as a board on a serial port or pseudo-terminal, speaking
 * PROTOCOL.md, so a host (percuss itself, or one you write) can be tried without hardware. Faults
 * and the emergency-stop input can be scheduled, and line noise sent, to test how a host copes.
 */
@Command(name = "board", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Emulate a motor-controller board on a serial port or pseudo-terminal (PROTOCOL.md).",
            "Runs until Ctrl-C. Pair it with a host through socat, see docs/board-makers.md."})
final class BoardCommand implements Callable<Integer> {

    /** The signals that stop the board: Ctrl-C, SIGTERM, a closed terminal. */
    private static final List<String> STOP_SIGNALS = List.of("INT", "TERM", "HUP");

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Percuss parent;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "The serial port or pty to serve.")
    private String port;

    @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Baud rate. Default: ${DEFAULT-VALUE}.")
    private int baud;

    @Option(names = "--fault", paramLabel = "FAULT@TIME", converter = ScheduledFault.Converter.class,
            description = {"Latch a fault at a time after start, e.g. over-temperature@20s. Repeatable.",
                "Faults: comm-timeout, over-current, over-temperature, under-voltage, stall, internal."})
    private List<ScheduledFault> faults = new ArrayList<>();

    @Option(names = "--estop-at", paramLabel = "TIME", converter = DurationConverter.BoardTime.class,
            description = "Activate the emergency-stop input at this time after start.")
    private Duration estopAt;

    @Option(names = "--noise", paramLabel = "BYTES_PER_S", defaultValue = "0",
            description = {"Send about this many random bytes a second to the host, in bursts of 1-8 bytes at",
                "random moments (each burst spoils the packet after it). Default: 0."})
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
        PrintWriter out = spec.commandLine().getOut();
        VirtualClock clock = new VirtualClock();
        SimulatedBoard board = SimulatedGun.create(clock).board();
        JSerialCommLink link = JSerialCommLink.open(port, baud);
        BoardRunner runner = new BoardRunner(link, clock, board, Ticker.system());
        for (ScheduledFault f : faults) {
            clock.schedule(f.at(), () -> board.latchFault(f.fault()));
        }
        if (estopAt != null) {
            clock.schedule(estopAt, () -> board.setInput(Input.EMERGENCY_STOP, true));
        }
        if (noise > 0) {
            new NoiseBursts(clock, link, noise).start();
        }
        var caps = board.capabilities();
        out.printf("board: emulating a percuss board on %s at %d baud: %d..%d ppm, watchdog %d ms, telemetry every %d ms%n",
                port, baud, caps.minPpm(), caps.maxPpm(), caps.watchdogMillis(), caps.telemetryPeriodMillis());
        out.println("board: Ctrl-C to stop");
        out.flush();
        Thread thread = Thread.ofPlatform().name("board").start(runner);
        // Ctrl-C, SIGTERM and a closed terminal stop the board's loop; this thread then prints the
        // summary and exits 0. Handled as signals, not in a shutdown hook, so the JVM waits for that.
        List<SignalHandler> previous = new ArrayList<>();
        boolean ownsProcess = parent != null && parent.ownsProcess();
        if (ownsProcess) {
            for (String name : STOP_SIGNALS) {
                previous.add(Signal.handle(new Signal(name), signal -> runner.stop()));
            }
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownsProcess) {
                for (int i = 0; i < STOP_SIGNALS.size(); i++) {
                    Signal.handle(new Signal(STOP_SIGNALS.get(i)), previous.get(i));
                }
            }
        }
        out.println("board: " + runner.endReason() + "; " + runner.protocol().commands() + " commands served, "
                + runner.protocol().droppedFrames() + " bad frames dropped");
        out.flush();
        link.close();
        return ExitCode.OK.code();
    }
}
