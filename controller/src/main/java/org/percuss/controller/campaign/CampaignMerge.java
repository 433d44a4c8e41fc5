package org.percuss.controller.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.text.Echo;

/**
 * {@code percuss campaign merge}: the summary files of a campaign's shards made into the one
 * summary of the whole campaign, row for row what one machine would have written. Refuses files
 * of different campaigns, split differently, a shard twice or a shard missing.
 */
public final class CampaignMerge {

    private CampaignMerge() {
    }

    /**
     * The whole campaign from its shards' files, read from {@code files}.
     *
     * @throws CampaignProblem naming the file and what is wrong: not a summary, another campaign,
     *         another split, a shard twice, a shard missing
     */
    public static SummaryFile merge(List<Path> files) throws CampaignProblem {
        List<SummaryFile> read = new ArrayList<>();
        for (Path f : files) {
            read.add(SummaryFile.read(f));
        }
        return merge(files, read);
    }

    /** {@link #merge(List)} of files already read; {@code names} name them in messages. */
    static SummaryFile merge(List<Path> names, List<SummaryFile> shards) throws CampaignProblem {
        CampaignHeader first = shards.get(0).header();
        String firstName = Echo.value(names.get(0).toString());
        int n = first.shard().count();
        SummaryFile[] byIndex = new SummaryFile[n];
        Path[] from = new Path[n];
        for (int i = 0; i < shards.size(); i++) {
            CampaignHeader h = shards.get(i).header();
            String name = Echo.value(names.get(i).toString());
            if (!h.id().equals(first.id())) {
                throw new CampaignProblem(name + " is campaign " + h.id() + " but " + firstName + " is campaign " + first.id()
                        + ": not shards of one campaign");
            }
            if (!h.withShard(Shard.ALL).equals(first.withShard(Shard.ALL))) {
                throw new CampaignProblem(name + " and " + firstName + " say they are campaign " + h.id()
                        + " but their headers differ: not shards of one campaign");
            }
            if (h.shard().count() != n) {
                throw new CampaignProblem(name + " is shard " + h.shard() + " but " + firstName + " is shard " + first.shard()
                        + ": the campaign was split differently");
            }
            int k = h.shard().index() - 1;
            if (byIndex[k] != null) {
                throw new CampaignProblem(name + " and " + Echo.value(from[k].toString()) + " are both shard " + h.shard());
            }
            byIndex[k] = shards.get(i);
            from[k] = names.get(i);
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (byIndex[k] == null) {
                missing.add((k + 1) + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new CampaignProblem("shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (campaign " + first.id() + " was split in " + n + ")");
        }
        List<SessionRow> rows = new ArrayList<>();
        for (long i = 0; i < first.sessions(); i++) {
            rows.add(byIndex[(int) (i % n)].rows().get((int) (i / n)));
        }
        return new SummaryFile(first.withShard(Shard.ALL), rows);
    }
}
