package org.percuss.controller.campaign;

/**
 * The seeds of a campaign, {@code --seeds N} (1..N) or {@code --seeds A..B} (both included).
 *
 * @param first the first seed, at least 0
 * @param last the last seed, at least {@code first}
 */
public record SeedRange(long first, long last) {

    /** The most seeds one campaign may have. */
    public static final long MAX_COUNT = 1_000_000_000L;

    public SeedRange {
        if (first < 0 || last < first || last - first >= MAX_COUNT) {
            throw new IllegalArgumentException("not a seed range: " + first + ".." + last);
        }
    }

    /**
     * Reads {@code N} or {@code A..B}.
     *
     * @throws CampaignProblem naming {@code --seeds}, the text and what is wrong with it
     */
    public static SeedRange parse(String text) throws CampaignProblem {
        String t = text.strip();
        int dots = t.indexOf("..");
        if (dots < 0) {
            long n = whole(t, text);
            if (n < 1 || n > MAX_COUNT) {
                throw problem(text, "the number of seeds must be 1.." + MAX_COUNT + ", got " + n);
            }
            return new SeedRange(1, n);
        }
        long a = whole(t.substring(0, dots), text);
        long b = whole(t.substring(dots + 2), text);
        if (b < a) {
            throw problem(text, "the range runs backwards (" + a + " is after " + b + "); write A..B with A <= B");
        }
        if (b - a >= MAX_COUNT) {
            throw problem(text, "at most " + MAX_COUNT + " seeds");
        }
        return new SeedRange(a, b);
    }

    private static long whole(String digits, String text) throws CampaignProblem {
        if (!digits.matches("[0-9]{1,18}")) {
            throw problem(text, "give N (a count, from 1) or A..B (seeds 0 or more, A <= B), such as 1000 or 1..1000");
        }
        return Long.parseLong(digits);
    }

    private static CampaignProblem problem(String text, String what) {
        return new CampaignProblem("--seeds " + org.percuss.controller.text.Echo.value(text) + ": " + what);
    }

    /** How many seeds. */
    public long count() {
        return last - first + 1;
    }

    /** The {@code i}-th seed, from 0. */
    public long seed(long i) {
        return first + i;
    }

    /** {@code A..B}, as the option takes it. */
    @Override
    public String toString() {
        return first + ".." + last;
    }
}
