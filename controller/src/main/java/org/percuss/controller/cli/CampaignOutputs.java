package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.campaign.CampaignPlot;
import org.percuss.controller.campaign.SessionRow;
import org.percuss.controller.campaign.SummaryFile;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.text.Echo;

/**
 * The end of a campaign, run ({@code simulate --seeds}) or merged ({@code campaign merge}) alike:
 * its summary file and plot written when asked for, each failure on one line, and the exit code.
 */
final class CampaignOutputs {

    private CampaignOutputs() {
    }

    /**
     * Writes {@code summary} to {@code summaryFile} and its plot to {@code plotFile} (each when not
     * null), and answers the exit code: {@link ExitCode#DEVICE} when a file could not be written
     * (each said on {@code err} as {@code command: problem}), else {@link ExitCode#OK} when every
     * session passed and {@link ExitCode#EXPECTATION_FAILED} when one did not.
     */
    static int finish(SummaryFile summary, OutputFile summaryFile, OutputFile plotFile, PrintWriter err, String command) {
        List<FileProblem> failures = new ArrayList<>();
        if (summaryFile != null) {
            try {
                summaryFile.write(summary::writeTo);
            } catch (FileProblem e) {
                failures.add(e);
            }
        }
        if (plotFile != null) {
            try {
                plotFile.write(png -> CampaignPlot.write(png, summary));
            } catch (FileProblem e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> err.println(Echo.line(command + ": " + f.getMessage())));
            err.flush();
            return ExitCode.DEVICE.code();
        }
        return (summary.rows().stream().allMatch(SessionRow::passed) ? ExitCode.OK : ExitCode.EXPECTATION_FAILED).code();
    }
}
