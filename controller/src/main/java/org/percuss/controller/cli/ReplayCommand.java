package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.record.BadRecording;
import org.percuss.controller.record.Recording;
import org.percuss.controller.record.Replay;
import org.percuss.controller.record.ReplayReport;
import org.percuss.controller.scenario.PlotData;
import org.percuss.controller.text.Echo;
import org.percuss.device.time.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code percuss replay}: re-runs today's controller on a recording's inputs, in virtual time, and
 * compares its decisions with the recorded ones (docs/recording.md).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Re-run today's controller on a recording (made with --record) in virtual time, against a device"
            + " that answers as recorded, and compare its decisions tick by tick. Never touches hardware.",
        exitCodeListHeading = "%nExit codes:%n")
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Percuss parent;

    @Parameters(paramLabel = "FILE.rec", description = "A recording made with run --record or simulate --record.")
    private Path file;

    @Mixin
    private ConfigMixin config;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw the replayed session, as simulate --plot draws a scenario.")
    private Path plot;

    @Option(names = "--until-error", description = "Replay a damaged recording up to the damage instead of refusing it.")
    private boolean untilError;

    @Override
    public Integer call() throws FileProblem {
        if (parent != null && parent.ownsProcess()) {
            Logs.quietController(); // the replayed loop's log lines are the recorded session's, shown when it ran
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFile plotFile = null;
        if (plot != null) {
            plotFile = OutputFile.check("--plot", plot);
            plotFile.notSameAs("the recording", file);
            plotFile.notSameAs("--config", config.file());
        }
        Ticker wall = Ticker.system();
        long started = wall.nanos();
        Recording recording;
        try {
            recording = Recording.read(file, untilError);
        } catch (FileProblem | BadRecording e) {
            err.println(Echo.line(spec.qualifiedName() + ": " + file + ": " + e.getMessage()));
            err.flush();
            return ExitCode.USAGE.code();
        }
        Optional<PercussConfig> other = Optional.empty();
        if (config.file() != null) {
            PercussConfig c = config.load(err);
            if (c == null) {
                return ExitCode.USAGE.code();
            }
            other = Optional.of(c);
        }
        out.println(file + ": " + ReplayReport.describe(recording).getFirst());
        ReplayReport.describe(recording).stream().skip(1).forEach(out::println);
        recording.endingNote().ifPresent(out::println);
        PlotData.Replayed view = plotFile == null ? null : new PlotData.Replayed();
        Replay.Result result;
        try {
            result = Replay.run(recording, other, view);
        } catch (Replay.Refused e) {
            out.flush();
            err.println(Echo.line(spec.qualifiedName() + ": " + file + ": " + e.getMessage()));
            err.flush();
            return ExitCode.USAGE.code();
        }
        double wallSeconds = (wall.nanos() - started) / 1e9;
        result.notes().forEach(n -> out.println("note: " + n));
        ExitCode code = ExitCode.OK;
        if (other.isPresent()) {
            ReplayReport.withOther(config.file().toString(), result).forEach(out::println);
        } else if (result.identical()) {
            out.println(ReplayReport.identical(result) + String.format(Locale.ROOT, ", replayed in %.2f s", wallSeconds));
        } else {
            ReplayReport.divergence(result.divergence().orElseThrow()).forEach(out::println);
            code = ExitCode.EXPECTATION_FAILED;
        }
        out.flush();
        if (plotFile != null) {
            PercussConfig drawn = other.map(recording.header().session()::applyTo).orElse(recording.header().config());
            String title = recording.header().title() + (other.isPresent() ? ", replayed with " + config.file() : ", replayed");
            try {
                plotFile.write(png -> view.plot(title, drawn).write(png));
            } catch (FileProblem e) {
                err.println(Echo.line(spec.qualifiedName() + ": " + e.getMessage()));
                err.flush();
                return ExitCode.DEVICE.code();
            }
        }
        return code.code();
    }
}
