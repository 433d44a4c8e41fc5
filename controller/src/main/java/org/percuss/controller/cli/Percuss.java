package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.text.Echo;
import org.percuss.device.api.DeviceException;
import org.percuss.device.pty.PseudoTerminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The {@code percuss} command: runs massage sessions on a simulated or real gun. Every error a
 * user can cause ends with one line naming what was wrong and an exit code from {@link ExitCode},
 * never a stack trace.
 */
@Command(name = "percuss", mixinStandardHelpOptions = true, versionProvider = Percuss.Version.class,
        description = "Controller, device driver and simulator for percussion massage guns.",
        exitCodeListHeading = "%nExit codes:%n")
public final class Percuss implements Runnable {

    /**
     * The commands, in the order the help lists them. Registered by {@link #commandLine(Percuss, String...)}:
     * all of them, or only the one named first on the command line, because picocli builds each
     * command's model (every option of every class, by reflection) when it is registered, and
     * building all eleven took a third of a second of every start.
     */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, SimulateCommand.class,
            ReplayCommand.class, PlotCommand.class, BoardCommand.class, PortsCommand.class, UsageCommand.class,
            ConfigCommand.class, DoctorCommand.class, CampaignCommand.class, BenchLoopCommand.class);

    private final boolean ownsProcess;
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;
    private final Supplier<PseudoTerminal> pseudoTerminals;

    /** A command for use inside another program or a test: installs no signal handlers. */
    public Percuss() {
        this(false, PseudoTerminal::open);
    }

    /** A command for a test, whose {@code board --pty} gets its pseudo-terminals from {@code pseudoTerminals}. */
    Percuss(Supplier<PseudoTerminal> pseudoTerminals) {
        this(false, pseudoTerminals);
    }

    private Percuss(boolean ownsProcess, Supplier<PseudoTerminal> pseudoTerminals) {
        this.ownsProcess = ownsProcess;
        this.pseudoTerminals = pseudoTerminals;
    }

    /** Where {@code board --pty} gets its pseudo-terminal. */
    Supplier<PseudoTerminal> pseudoTerminals() {
        return pseudoTerminals;
    }

    /** Whether this command owns the JVM (the real {@code main}), and may handle signals. */
    boolean ownsProcess() {
        return ownsProcess;
    }

    @Override
    public void run() {
        List<String> names = COMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList();
        throw new ParameterException(spec.commandLine(), "a command is required: "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast() + " (see percuss --help)");
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Percuss(true, PseudoTerminal::open), args).execute(args));
    }

    /** The command line with every command and percuss's error handling: one line per error, the right exit code. */
    public static CommandLine commandLine(Percuss percuss) {
        return commandLine(percuss, new String[0]);
    }

    /**
     * {@link #commandLine(Percuss)} for {@code args}: when they start with a command's name, only
     * that command is registered (the same parsing, help and errors for it); otherwise all are, for
     * the list in {@code --help} and the error naming the commands there are.
     */
    static CommandLine commandLine(Percuss percuss, String... args) {
        CommandLine cl = new CommandLine(percuss);
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        for (Class<?> c : COMMANDS) {
            if (named == null || c == named) {
                cl.addSubcommand(c);
            }
        }
        StrictConverters.register(cl);
        exitCodes(cl);
        cl.setParameterExceptionHandler((ex, given) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(Echo.line(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage()));
            err.flush();
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof DeviceException) {
                err.println(Echo.line("percuss: " + ex.getMessage()));
                err.flush();
                return ExitCode.DEVICE.code();
            }
            if (ex instanceof FileProblem) {
                // a file that cannot be used, found before anything started
                err.println(Echo.line(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage()));
                err.flush();
                return ExitCode.USAGE.code();
            }
            err.println(Echo.line("percuss: internal error: " + ex));
            err.flush();
            return 70; // EX_SOFTWARE: a bug, not something the user did
        });
        return cl;
    }

    /** Each command's help lists the exit codes it can end with, from the one {@link ExitCode} list. */
    private static void exitCodes(CommandLine cl) {
        ExitCode[] session = {ExitCode.OK, ExitCode.USAGE, ExitCode.DEVICE, ExitCode.SAFETY_STOP};
        ExitCode[] checked = {ExitCode.OK, ExitCode.EXPECTATION_FAILED, ExitCode.USAGE, ExitCode.DEVICE};
        cl.getCommandSpec().usageMessage().exitCodeList(ExitCode.list(ExitCode.values()));
        Map<String, CommandLine> commands = cl.getSubcommands();
        exitCodes(commands.get("run"), session);
        exitCodes(commands.get("simulate"), checked);
        exitCodes(commands.get("replay"), checked);
        exitCodes(commands.get("plot"), ExitCode.OK, ExitCode.USAGE, ExitCode.DEVICE);
        if (commands.containsKey("campaign")) {
            exitCodes(commands.get("campaign").getSubcommands().get("merge"), checked);
        }
    }

    /** {@code command}'s help lists {@code codes} (when it is registered). */
    private static void exitCodes(CommandLine command, ExitCode... codes) {
        if (command != null) {
            command.getCommandSpec().usageMessage().exitCodeList(ExitCode.list(codes));
        }
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Percuss.class.getPackage().getImplementationVersion();
            return new String[] {"percuss " + (v == null ? "(development build)" : v)};
        }
    }
}
