package org.percuss.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantCheckerTest {

    private static final long MS = 1_000_000L;
    private final InvariantChecker checker = new InvariantChecker(new Invariants(2200, 250, 1200, true));

    private void tick(long ms, int commanded, int latched) {
        checker.sample(new Sample(ms * MS, "X", 3, 2200, commanded, 0, 0, 0, 0, 0, latched, 0));
    }

    @Test
    void aRunThatKeepsTheRulesPassesEveryInvariant() {
        tick(0, 0, 0);
        tick(10, 1200, 0);
        for (int i = 2; i < 100; i++) {
            tick(i * 10L, Math.min(2200, 1200 + 2 * (i - 1)), 0);
        }
        tick(1000, 0, 1);
        assertThat(checker.outcomes()).allSatisfy(o -> assertThat(o.passed()).as(o.toString()).isTrue());
    }

    @Test
    void reportsTheFirstViolationOfEachAndHowManyMore() {
        tick(0, 0, 0);
        tick(10, 1700, 0);     // a start above the lowest level
        tick(20, 1705, 0);     // 5 ppm in 10 ms: faster than 250 ppm/s
        tick(30, 2300, 0);     // above the top, and far too fast
        tick(40, 2300, 4);     // non-zero while latched
        List<Outcome> out = checker.outcomes();
        assertThat(out).extracting(Outcome::toString).containsExactly(
                "FAIL  invariant: never above 2200 ppm: 2300 ppm at 0.03 s and 1 more ticks",
                "FAIL  invariant: never rising faster than 250 ppm/s: rose 5 ppm in 10 ms at 0.02 s and 1 more ticks",
                "FAIL  invariant: every start at the lowest level, 1200 ppm: started at 1700 ppm at 0.01 s",
                "FAIL  invariant: zero while a fault is latched: 2300 ppm at 0.04 s");
    }

    @Test
    void aSlowRampMayRiseOnePpmInATick() {
        InvariantChecker slow = new InvariantChecker(new Invariants(2200, 10, 1200, true));
        slow.sample(new Sample(0, "X", 1, 0, 1200, 0, 0, 0, 0, 0, 0, 0));
        slow.sample(new Sample(10 * MS, "X", 1, 0, 1201, 0, 0, 0, 0, 0, 0, 0));
        assertThat(slow.outcomes().get(1).passed()).isTrue();
    }
}
