package org.percuss.controller.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code percuss simulate} that run a campaign (a picocli mixin): many seeds, swept
 * parameters, worker threads, a shard, the per-session summary. docs/campaigns.md.
 */
final class CampaignOptions {

    @Option(names = "--seeds", paramLabel = "N|A..B",
            description = "Run a campaign: every scenario over seeds 1..N (or A..B) and print its summary instead of each "
                    + "session's verdicts.")
    String seeds;

    @Option(names = "--jobs", paramLabel = "J",
            description = "A campaign's worker threads, 1..1024. Default: the machine's cores.")
    Integer jobs;

    @Option(names = "--sweep", paramLabel = "KEY=v1,v2,...",
            description = "Vary a parameter across the campaign (repeat for a grid): pressure_n, ambient_c, battery_soc, "
                    + "battery_ohms or motor_kv. With one value and no --seeds, run that one session.")
    List<String> sweeps = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run only shard K of N of the campaign, for a scheduler to spread it; join the shards' summaries "
                    + "with percuss campaign merge.")
    String shard;

    @Option(names = "--summary", paramLabel = "FILE.csv",
            description = "Write a campaign's summary: its header, then one CSV row per session.")
    Path summary;

    /** Whether a campaign was asked for. */
    boolean campaign() {
        return seeds != null;
    }

    /** The campaign-only option given without {@code --seeds}, or null. */
    String needingSeeds() {
        if (jobs != null) {
            return "--jobs";
        }
        if (shard != null) {
            return "--shard";
        }
        if (summary != null) {
            return "--summary";
        }
        return null;
    }
}
