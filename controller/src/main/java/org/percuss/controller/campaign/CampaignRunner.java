package org.percuss.controller.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.scenario.ScenarioRunner;
import org.percuss.simulator.scenario.Outcome;
import org.percuss.simulator.scenario.Scenario;

/**
 * Runs a shard of a campaign on worker threads. Each session is independent (its own virtual
 * clock, simulated gun, control loop and random sources, all from its seed), a worker takes the
 * next session not yet taken, and each row goes to the session's own slot: so the rows, and
 * everything computed from them, are the same whatever the number of workers and however the
 * machine schedules them.
 */
public final class CampaignRunner {

    /** Told after each session, from the worker that ran it. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} sessions are finished. */
        void sessionsDone(long done, long total);

        /** Nothing told. */
        Progress NONE = (done, total) -> { };
    }

    /** The most sessions one machine runs (its rows are kept in one array): more is split with {@code --shard}. */
    public static final long MAX_SHARE = Integer.MAX_VALUE - 8;

    private CampaignRunner() {
    }

    /** Each scenario's checks, in the order of a row's verdicts: its expectations, then the invariants. */
    public static List<CampaignHeader.ScenarioChecks> checks(CampaignPlan plan, PercussConfig config) {
        List<CampaignHeader.ScenarioChecks> out = new ArrayList<>();
        for (CampaignPlan.Entry e : plan.scenarios()) {
            ScenarioRunner.Result probe = ScenarioRunner.runInCampaign(CampaignPlan.probe(e.scenario()), config, s -> { });
            out.add(new CampaignHeader.ScenarioChecks(e.stem(), e.scenario().name(), probe.checks()));
        }
        return out;
    }

    /**
     * Runs this shard's sessions on {@code jobs} threads and returns their rows in the campaign's
     * order.
     *
     * @throws IllegalStateException when a session could not run (a bug, not a failed expectation)
     */
    public static List<SessionRow> run(CampaignPlan plan, PercussConfig config, int jobs, Progress progress) {
        long share = plan.share();
        if (share > MAX_SHARE) {
            throw new IllegalStateException("a shard of " + share + " sessions is too many for one machine; use --shard");
        }
        SessionRow[] rows = new SessionRow[(int) share];
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int workers = (int) Math.max(1, Math.min(jobs, share));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "percuss-campaign");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < share && failure.get() == null; i = next.getAndIncrement()) {
                        CampaignPlan.Session s = plan.session(plan.shard().session(i));
                        try {
                            rows[(int) i] = runOne(plan, s, config);
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, new IllegalStateException("session " + s.index() + " ("
                                    + plan.scenarios().get(s.scenario()).stem() + ", seed " + s.seed() + ") could not run: "
                                    + e, e));
                            return;
                        }
                        progress.sessionsDone(done.incrementAndGet(), share);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return Arrays.asList(rows);
    }

    /** Runs one session and makes its row. */
    static SessionRow runOne(CampaignPlan plan, CampaignPlan.Session s, PercussConfig config) {
        Scenario scenario = plan.scenarioOf(s);
        SessionMeasures m = new SessionMeasures();
        ScenarioRunner.Result r = ScenarioRunner.runInCampaign(scenario, config, m);
        StringBuilder verdicts = new StringBuilder(r.outcomes().size());
        for (Outcome o : r.outcomes()) {
            verdicts.append(!o.applicable() ? '-' : o.passed() ? 'P' : 'F');
        }
        return new SessionRow(s.index(), plan.scenarios().get(s.scenario()).stem(), plan.points().get(s.point()).label(),
                s.seed(), verdicts.toString(), m.topTemperature(), m.topCurrent(), m.lowestSupply(), m.tripSeconds(),
                m.tripFaults(), m.endState(), r.simulatedNanos() / 1e9);
    }
}
