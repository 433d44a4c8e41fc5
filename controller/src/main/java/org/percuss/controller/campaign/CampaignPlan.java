package org.percuss.controller.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.percuss.simulator.scenario.Scenario;

/**
 * Which sessions a campaign runs, in its one order: every scenario, every sweep point, every seed
 * (the seed varying fastest), numbered from 0. A shard runs its share of those numbers; the
 * numbering does not depend on the shard or on the worker threads, so neither changes a result.
 *
 * @param scenarios the scenarios, as read (before sweep and seed)
 * @param points the sweep points ({@link SweepPoint#NONE} alone without a sweep)
 * @param seeds the seeds
 * @param shard this machine's share
 * @param id the campaign's identity ({@link #identity})
 */
public record CampaignPlan(List<Entry> scenarios, List<SweepPoint> points, SeedRange seeds, Shard shard, String id) {

    /** The most sessions a campaign may have. */
    public static final long MAX_SESSIONS = 1_000_000_000_000L;

    /**
     * A scenario of the campaign.
     *
     * @param stem its name in the rows (no spaces, commas or quotes)
     * @param scenario the scenario as its file says (the options' transport applied)
     */
    public record Entry(String stem, Scenario scenario) {
    }

    /**
     * A session of the campaign.
     *
     * @param index its number, from 0
     * @param scenario which scenario, an index into {@link #scenarios()}
     * @param point which sweep point, an index into {@link #points()}
     * @param seed its seed
     */
    public record Session(long index, int scenario, int point, long seed) {
    }

    public CampaignPlan {
        scenarios = List.copyOf(scenarios);
        points = List.copyOf(points);
        if (scenarios.isEmpty() || points.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs a scenario and a point");
        }
    }

    /**
     * A plan, refusing one too large to number.
     *
     * @throws CampaignProblem when it has more than {@link #MAX_SESSIONS} sessions
     */
    public static CampaignPlan of(List<Entry> scenarios, List<SweepPoint> points, SeedRange seeds, Shard shard,
                                  String id) throws CampaignProblem {
        double total = (double) scenarios.size() * points.size() * seeds.count();
        if (total > MAX_SESSIONS) {
            throw new CampaignProblem("--seeds " + seeds + ": " + scenarios.size() + " scenarios x " + points.size()
                    + " sweep points x " + seeds.count() + " seeds is more than " + MAX_SESSIONS + " sessions");
        }
        return new CampaignPlan(scenarios, points, seeds, shard, id);
    }

    /** How many sessions the whole campaign has, over all its shards. */
    public long total() {
        return scenarios.size() * (long) points.size() * seeds.count();
    }

    /** How many sessions this shard runs. */
    public long share() {
        return shard.share(total());
    }

    /** Session number {@code index} of the campaign. */
    public Session session(long index) {
        long perScenario = points.size() * seeds.count();
        int scenario = (int) (index / perScenario);
        long rest = index % perScenario;
        return new Session(index, scenario, (int) (rest / seeds.count()), seeds.seed(rest % seeds.count()));
    }

    /** What session {@code s} runs: its scenario at its sweep point with its seed. */
    public Scenario scenarioOf(Session s) {
        return points.get(s.point()).apply(scenarios.get(s.scenario()).scenario()).withSeed(s.seed());
    }

    /** {@code s} simulated for no time at all: enough to learn its checks, cheaply. */
    static Scenario probe(Scenario s) {
        return new Scenario(s.name(), s.description(), s.seed(), s.gun(), s.session(), Duration.ZERO, s.steps(),
                s.expectations(), s.maxPpm(), s.transport(), s.needs());
    }

    /**
     * A campaign's identity: the first 12 hex digits of the SHA-256 of everything that decides its
     * sessions' results (the scenario files' bytes, the configuration file's, the options), so
     * that the shards of one campaign agree on it and those of another do not.
     */
    public static String identity(List<byte[]> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("percuss campaign 1".getBytes(StandardCharsets.UTF_8));
            for (byte[] p : parts) {
                sha.update(HexFormat.of().withUpperCase().formatHex(
                        java.nio.ByteBuffer.allocate(8).putLong(p.length).array()).getBytes(StandardCharsets.UTF_8));
                sha.update(p);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
