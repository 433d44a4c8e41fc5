package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.percuss.controller.campaign.CampaignMerge;
import org.percuss.controller.campaign.CampaignProblem;
import org.percuss.controller.campaign.CampaignSummary;
import org.percuss.controller.campaign.SummaryFile;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.text.Echo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code percuss campaign}: what is done with a campaign's summary files (docs/campaigns.md). */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Work with the summaries of fault campaigns (percuss simulate --seeds): merge the shards of one.",
        subcommands = CampaignCommand.Merge.class, exitCodeListHeading = "%nExit codes:%n")
final class CampaignCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: merge (see percuss campaign --help)");
    }

    /** {@code percuss campaign merge}: the shards' summaries made into the one summary of the campaign. */
    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Combine the summaries of a campaign's shards (simulate --seeds ... --shard K/N --summary) into "
                    + "the campaign's one summary, the same as one machine's run, and print it.",
            exitCodeListHeading = "%nExit codes:%n")
    static final class Merge implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "SUMMARY.csv", arity = "1..*", description = "The shards' summary files, in any order.")
        private List<Path> files;

        @Option(names = "--summary", paramLabel = "FILE.csv",
                description = "Write the whole campaign's summary file, as one machine's run would have.")
        private Path summary;

        @Option(names = "--plot", paramLabel = "FILE.png",
                description = "Draw the histograms of the closest approaches to the limits.")
        private Path plot;

        @Override
        public Integer call() throws FileProblem {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            OutputFile summaryFile = summary == null ? null : OutputFile.check("--summary", summary);
            OutputFile plotFile = plot == null ? null : OutputFile.check("--plot", plot);
            for (OutputFile o : new OutputFile[] {summaryFile, plotFile}) {
                if (o != null) {
                    for (Path f : files) {
                        o.notSameAs("a summary to merge", f);
                    }
                }
            }
            if (summaryFile != null && plotFile != null) {
                plotFile.notSameAs("--summary", summary);
            }
            SummaryFile merged;
            try {
                merged = CampaignMerge.merge(files);
            } catch (CampaignProblem e) {
                err.println(Echo.line(spec.qualifiedName() + ": " + e.getMessage()));
                err.flush();
                return ExitCode.USAGE.code();
            }
            CampaignSummary.lines(merged).forEach(out::println);
            out.flush();
            return CampaignOutputs.finish(merged, summaryFile, plotFile, err, spec.qualifiedName());
        }
    }
}
