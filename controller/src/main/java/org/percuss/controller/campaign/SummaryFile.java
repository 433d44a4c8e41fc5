package org.percuss.controller.campaign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.text.Echo;

/**
 * A campaign's summary CSV: the {@linkplain CampaignHeader header} as {@code #} lines, the column
 * names, then one {@linkplain SessionRow row} per session in the campaign's order. What {@code
 * --summary} writes and {@code percuss campaign merge} reads; a reader that skips {@code #} lines
 * (pandas' {@code comment='#'}, R's {@code comment.char}) sees a plain CSV.
 *
 * @param header what the campaign is
 * @param rows its sessions, this shard's, in order
 */
public record SummaryFile(CampaignHeader header, List<SessionRow> rows) {

    /** The largest summary read: 1 GiB, ten million sessions and more. */
    public static final int LIMIT_BYTES = 1 << 30;

    public SummaryFile {
        rows = List.copyOf(rows);
    }

    /** Writes it, UTF-8, lines ending in {@code \n}. */
    public void writeTo(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (String line : header.lines()) {
            w.write(line);
            w.write('\n');
        }
        for (SessionRow r : rows) {
            w.write(r.csv());
            w.write('\n');
        }
        w.flush();
    }

    /**
     * Reads {@code file}, checking every row against its header: its scenario, its number of
     * verdicts, its session belonging to the file's shard, in order, none missing.
     *
     * @throws CampaignProblem naming the file (and the line) and what is wrong
     */
    public static SummaryFile read(Path file) throws CampaignProblem {
        String name = Echo.value(file.toString());
        String text;
        try {
            text = InputFile.readText(file, LIMIT_BYTES, "a campaign summary");
        } catch (FileProblem e) {
            throw new CampaignProblem(name + ": " + e.getMessage());
        }
        List<String> lines = text.lines().toList();
        CampaignHeader.Read read;
        try {
            read = CampaignHeader.parse(lines);
        } catch (IllegalArgumentException e) {
            throw new CampaignProblem(name + ": " + e.getMessage());
        }
        CampaignHeader h = read.header();
        long expected = h.shard().share(h.sessions());
        List<SessionRow> rows = new ArrayList<>();
        for (int i = read.lines(); i < lines.size(); i++) {
            String where = name + ": line " + (i + 1) + ": ";
            if (lines.get(i).isEmpty()) {
                continue;
            }
            SessionRow r;
            try {
                r = SessionRow.parse(lines.get(i));
            } catch (IllegalArgumentException e) {
                throw new CampaignProblem(where + e.getMessage());
            }
            long want = h.shard().session(rows.size());
            if (rows.size() >= expected || r.session() != want) {
                throw new CampaignProblem(where + "session " + r.session() + " where shard " + h.shard() + " of "
                        + h.sessions() + " sessions has " + (rows.size() >= expected ? "no more" : "session " + want));
            }
            CampaignHeader.ScenarioChecks s = h.scenario(r.scenario());
            if (s == null) {
                throw new CampaignProblem(where + "scenario '" + Echo.value(r.scenario()) + "' is not in the header");
            }
            if (r.verdicts().length() != s.checks().size()) {
                throw new CampaignProblem(where + r.verdicts().length() + " verdicts where " + s.stem() + " has "
                        + s.checks().size() + " checks");
            }
            rows.add(r);
        }
        if (rows.size() != expected) {
            throw new CampaignProblem(name + ": " + rows.size() + " sessions where shard " + h.shard() + " has " + expected
                    + " (an unfinished or cut file?)");
        }
        return new SummaryFile(h, rows);
    }
}
