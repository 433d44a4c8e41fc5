package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.record.BadRecording;
import org.percuss.controller.record.Recording;
import org.percuss.controller.scenario.PlotData;
import org.percuss.controller.text.Echo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code percuss plot}: the PNG {@code simulate --plot} draws, for a recording or a trace CSV.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw a recording (run/simulate --record) or a trace (--trace) as a PNG: speeds over the"
            + " controller's states and derates, steps and trips marked; current and temperature below.",
        exitCodeListHeading = "%nExit codes:%n")
final class PlotCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A recording (.rec) or a trace (.csv).")
    private Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.png",
            description = "Where to write the PNG. Default: FILE with its extension replaced by .png.")
    private Path output;

    @Mixin
    private ConfigMixin config;

    @Override
    public Integer call() throws FileProblem {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path png = output != null ? output : defaultOutput(file);
        OutputFile target = OutputFile.check(output != null ? "--output" : "the plot", png);
        target.notSameAs("FILE", file);
        target.notSameAs("--config", config.file());
        PlotData plot;
        try {
            byte[] head = InputFile.readBytes(file, Recording.MAX_BYTES, "a recording or a trace");
            if (TraceReader.isTrace(head)) {
                PercussConfig c = config.load(err);
                if (c == null) {
                    return ExitCode.USAGE.code();
                }
                TraceReader.Trace trace = TraceReader.read(file);
                plot = PlotData.ofRows(String.valueOf(file.getFileName()), trace.rows(), trace.markers(), c);
            } else {
                Recording recording = Recording.read(head, false);
                recording.endingNote().ifPresent(out::println);
                plot = PlotData.of(recording);
            }
        } catch (FileProblem | BadRecording e) {
            err.println(Echo.line(spec.qualifiedName() + ": " + file + ": " + e.getMessage()));
            err.flush();
            return ExitCode.USAGE.code();
        }
        try {
            target.write(plot::write);
        } catch (FileProblem e) {
            err.println(Echo.line(spec.qualifiedName() + ": " + e.getMessage()));
            err.flush();
            return ExitCode.DEVICE.code();
        }
        out.println("plot: " + png);
        out.flush();
        return ExitCode.OK.code();
    }

    /** {@code r.rec} → {@code r.png}; a name without an extension gets {@code .png} added. */
    static Path defaultOutput(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "plot" : name.toString();
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".png");
    }
}
