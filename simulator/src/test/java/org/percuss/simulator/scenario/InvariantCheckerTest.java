package org.percuss.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantCheckerTest {

    private static final long MS = 1_000_000L;
    private final InvariantChecker checker = new InvariantChecker(new Invariants(2200, 250, 1200, true, 60_000 * MS, 10 * MS, true));
    private long uptime = 5000;

    private void tick(long ms, int commanded, int latched) {
        tick(ms, "RUNNING", commanded, 0, latched, false);
    }

    private void tick(long ms, String state, int commanded, int reported, int latched, boolean tripCondition) {
        uptime += 10;
        checker.sample(new Sample(ms * MS, state, 3, 2200, commanded, 0, 0, 0, 0, reported, latched, 0, ms * MS, uptime,
                tripCondition));
    }

    private List<String> failures() {
        return checker.outcomes().stream().filter(o -> !o.passed()).map(Outcome::toString).toList();
    }

    @Test
    void aRunThatKeepsTheRulesPassesEveryInvariant() {
        tick(0, 0, 0);
        tick(10, 1200, 0);
        for (int i = 2; i < 100; i++) {
            tick(i * 10L, Math.min(2200, 1200 + 2 * (i - 1)), 0);
        }
        tick(1000, "FAULT", 0, 1, 1, true);
        assertThat(checker.outcomes()).allSatisfy(o -> assertThat(o.passed()).as(o.toString()).isTrue());
        assertThat(checker.firstViolation()).isNull();
    }

    @Test
    void reportsTheFirstViolationOfEachAndHowManyMore() {
        tick(0, 0, 0);
        tick(10, 1700, 0);     // a start above the lowest level
        tick(20, 1705, 0);     // 5 ppm in 10 ms: faster than 250 ppm/s
        tick(30, 2300, 0);     // above the top, and far too fast
        tick(40, 2300, 4);     // non-zero while latched
        assertThat(failures()).containsExactly(
                "FAIL  invariant: never above 2200 ppm, nor between 0 and 1200: 2300 ppm at 0.03 s and 1 more ticks",
                "FAIL  invariant: never rising faster than 250 ppm/s: 5 ppm in one tick at 0.02 s and 1 more ticks",
                "FAIL  invariant: every start at the lowest level, 1200 ppm, with no trip condition present, warming up"
                        + " after a device restart: 1700 ppm at a start at 0.01 s",
                "FAIL  invariant: zero while a fault is latched; every reported fault latched: 2300 ppm with a fault"
                        + " latched at 0.04 s");
        assertThat(checker.firstViolation()).startsWith("invariant: never above 2200 ppm");
    }

    @Test
    void aSlowRampMayRiseOnePpmInATick() {
        InvariantChecker slow = new InvariantChecker(new Invariants(2200, 10, 1200, true));
        slow.sample(new Sample(0, "X", 1, 0, 1200, 0, 0, 0, 0, 0, 0, 0));
        slow.sample(new Sample(10 * MS, "X", 1, 0, 1201, 0, 0, 0, 0, 0, 0, 0));
        assertThat(slow.outcomes().get(1).passed()).isTrue();
    }

    @Test
    void aStartWhileATripConditionIsPresentBreaksIt() {
        tick(0, "IDLE", 0, 0, 0, true);
        tick(10, "WARM_UP", 1200, 0, 0, true);
        assertThat(failures()).singleElement().asString().endsWith("1200 ppm at a start while a trip condition is present at 0.01 s");
    }

    @Test
    void aFaultTheDeviceReportsMustBeLatchedWithinOneTick() {
        tick(0, 1200, 0);
        tick(10, "RUNNING", 1200, 1 << 2, 0, false); // reported, not yet latched: allowed for one tick
        assertThat(failures()).isEmpty();
        tick(20, "RUNNING", 1200, 1 << 2, 0, false);
        assertThat(failures()).singleElement().asString()
                .endsWith("4 (fault bits reported a tick ago, still not latched) at 0.02 s");
    }

    @Test
    void theTickAfterAnEmergencyStopRequestCommandsZeroInEmergencyStop() {
        tick(0, 1200, 0);
        checker.emergencyStopRequested();
        tick(10, "RUNNING", 1200, 0, 0, false);
        assertThat(failures()).singleElement().asString()
                .endsWith("1200 ppm in RUNNING on the tick after an emergency stop at 0.01 s");
    }

    @Test
    void aDeviceRestartMustBeZeroAtOnceAndTheNextStartMustWarmUp() {
        tick(0, 2000, 0);
        uptime = 0; // the device's uptime went back
        tick(10, "RUNNING", 2000, 0, 0, false);
        tick(20, "FAULT", 0, 0, 1 << 10, false);
        tick(30, "IDLE", 0, 0, 0, false);
        tick(40, "RUNNING", 1200, 0, 0, false);
        assertThat(failures()).containsExactly(
                "FAIL  invariant: every start at the lowest level, 1200 ppm, with no trip condition present, warming up"
                        + " after a device restart: 1200 ppm at the start after a device restart, in RUNNING at 0.04 s",
                "FAIL  invariant: zero on the tick a device restart shows: 2000 ppm on the tick after the device"
                        + " restarted at 0.01 s");
    }

    @Test
    void runningPastTheLimitByMoreThanOneTickBreaksIt() {
        InvariantChecker c = new InvariantChecker(new Invariants(2200, 250, 1200, true, 1000 * MS, 10 * MS, true));
        c.sample(new Sample(0, "RUNNING", 1, 0, 1200, 0, 0, 0, 0, 0, 0, 0, 1010 * MS, 1, false));
        assertThat(c.firstViolation()).isNull();
        c.sample(new Sample(10 * MS, "RUNNING", 1, 0, 1200, 0, 0, 0, 0, 0, 0, 0, 1011 * MS, 2, false));
        assertThat(c.firstViolation()).isEqualTo("invariant: never running past the limit: 1011 ms of running time at 0.01 s");
    }
}
