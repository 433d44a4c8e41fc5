package org.percuss.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.percuss.controller.campaign.CampaignPlan;
import org.percuss.controller.campaign.CampaignProblem;
import org.percuss.controller.campaign.CampaignRunner;
import org.percuss.controller.campaign.SeedRange;
import org.percuss.controller.campaign.SessionRow;
import org.percuss.controller.campaign.Shard;
import org.percuss.controller.campaign.SweepPoint;
import org.percuss.controller.config.PercussConfig;

/**
 * A campaign of 100 seeded sessions of {@code examples/scenarios/fifteen-minute-session.yaml}
 * through {@code controller.campaign}, as {@code percuss simulate --seeds 100 --jobs N} runs them
 * (issue 16's target for 1,000 sessions: 30 s with 2 jobs on 2 cores, so 3 s for these 100), warm,
 * single-shot time; the command's reading of the file, summary and output are not in it. Fails if a
 * session does not pass. {@code jobs}: the worker threads, 1 or 2 (on the 2-core machine of
 * BENCHMARKS.md, 2 is the command's default).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar Campaign
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
// the sessions' loggers off, as the command sets them for a campaign (a derate or trip would log per session)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.log.org.percuss.controller=off")
@State(Scope.Benchmark)
public class CampaignBenchmark {

    static final String SEEDS = "100";

    @Param({"1", "2"})
    public int jobs;

    private CampaignPlan plan;

    @Setup(Level.Trial)
    public void setUp() throws CampaignProblem {
        String stem = ExampleScenario.FILE.replaceFirst("\\.yaml$", "");
        plan = CampaignPlan.of(List.of(new CampaignPlan.Entry(stem, ExampleScenario.fifteenMinuteSession())),
                List.of(SweepPoint.NONE), SeedRange.parse(SEEDS), Shard.ALL, "benchmark");
    }

    /** The 100 sessions; the simulated seconds, so nothing is optimised away. */
    @Benchmark
    public double hundredSessions() {
        List<SessionRow> rows = CampaignRunner.run(plan, PercussConfig.DEFAULT, jobs, CampaignRunner.Progress.NONE);
        double simulated = 0;
        for (SessionRow r : rows) {
            if (!r.passed()) {
                throw new IllegalStateException("session " + r.session() + " (seed " + r.seed() + ") did not pass: "
                        + r.verdicts());
            }
            simulated += r.simulatedSeconds();
        }
        return simulated;
    }
}
