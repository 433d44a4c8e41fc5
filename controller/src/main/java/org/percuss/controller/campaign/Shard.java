package org.percuss.controller.campaign;

/**
 * {@code --shard K/N}: this machine's share of a campaign split over N. The sessions are numbered
 * 0.. in the campaign's one order (scenario, then sweep point, then seed); shard K takes every
 * session whose number leaves K − 1 when divided by N, so every shard gets a fair mix of the
 * scenarios, points and seeds, and the shards together take each session exactly once.
 *
 * @param index K, 1..count
 * @param count N, at least 1
 */
public record Shard(int index, int count) {

    /** The whole campaign: shard 1 of 1. */
    public static final Shard ALL = new Shard(1, 1);

    /** The most shards a campaign may be split into. */
    public static final int MAX_COUNT = 1_000_000;

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("not a shard: " + index + "/" + count);
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @throws CampaignProblem naming {@code --shard} and what is wrong
     */
    public static Shard parse(String text) throws CampaignProblem {
        String t = text.strip();
        if (!t.matches("[0-9]{1,7}/[0-9]{1,7}")) {
            throw problem(text, "give K/N, shard K of N, such as 1/4");
        }
        int slash = t.indexOf('/');
        int k = Integer.parseInt(t.substring(0, slash));
        int n = Integer.parseInt(t.substring(slash + 1));
        if (n < 1 || n > MAX_COUNT) {
            throw problem(text, "N must be 1.." + MAX_COUNT + ", got " + n);
        }
        if (k < 1 || k > n) {
            throw problem(text, "K must be 1.." + n + ", got " + k);
        }
        return new Shard(k, n);
    }

    private static CampaignProblem problem(String text, String what) {
        return new CampaignProblem("--shard " + org.percuss.controller.text.Echo.value(text) + ": " + what);
    }

    /** Whether session {@code session} (numbered from 0) is this shard's. */
    public boolean owns(long session) {
        return session % count == index - 1;
    }

    /** How many of {@code total} sessions are this shard's. */
    public long share(long total) {
        long first = index - 1;
        return first >= total ? 0 : (total - first + count - 1) / count;
    }

    /** This shard's {@code i}-th session (from 0). */
    public long session(long i) {
        return index - 1 + i * count;
    }

    /** {@code K/N}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
