package org.percuss.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private final VirtualClock clock = new VirtualClock();
    private final List<String> log = new ArrayList<>();

    @Test
    void timeStandsStillUntilAdvanced() {
        assertThat(clock.nanos()).isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(clock.nanos()).isEqualTo(Duration.ofMinutes(15).toNanos());
    }

    @Test
    void runsDueTasksInTimeOrderAtTheirDueTime() {
        clock.schedule(Duration.ofMillis(30), () -> log.add("c@" + clock.nanos()));
        clock.schedule(Duration.ofMillis(10), () -> log.add("a@" + clock.nanos()));
        clock.schedule(Duration.ofMillis(20), () -> log.add("b@" + clock.nanos()));
        clock.advance(Duration.ofMillis(25));
        assertThat(log).containsExactly("a@10000000", "b@20000000");
        clock.advance(Duration.ofMillis(5));
        assertThat(log).containsExactly("a@10000000", "b@20000000", "c@30000000");
    }

    @Test
    void tasksDueTogetherRunInTheOrderTheyWereScheduled() {
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> log.add("first"));
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(5), () -> log.add("second"));
        clock.advance(Duration.ofMillis(10));
        assertThat(log).containsExactly("first", "second", "second", "first", "second");
    }

    @Test
    void fixedRateTasksRunAtExactMultiplesOfThePeriod() {
        List<Long> times = new ArrayList<>();
        clock.scheduleAtFixedRate(Duration.ofMillis(10), Duration.ofMillis(10), () -> times.add(clock.nanos()));
        clock.advance(Duration.ofMillis(35));
        assertThat(times).containsExactly(10_000_000L, 20_000_000L, 30_000_000L);
        clock.advance(Duration.ofMinutes(15));
        assertThat(times).hasSize(90_003);
    }

    @Test
    void aTaskMayScheduleAnotherThatFallsDueInTheSameAdvance() {
        clock.schedule(Duration.ofMillis(1), () -> clock.schedule(Duration.ofMillis(1), () -> log.add("nested@" + clock.nanos())));
        clock.advance(Duration.ofMillis(5));
        assertThat(log).containsExactly("nested@2000000");
    }

    @Test
    void cancelledTasksDoNotRun() {
        VirtualClock.Scheduled s = clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(1), () -> log.add("x"));
        clock.advance(Duration.ofMillis(2));
        s.cancel();
        clock.advance(Duration.ofMillis(10));
        assertThat(log).hasSize(3);
        assertThat(clock.pendingTasks()).isZero();
    }

    @Test
    void advanceToStopsRightAfterTheTaskThatEndsIt() {
        int[] count = {0};
        clock.scheduleAtFixedRate(Duration.ofMillis(10), Duration.ofMillis(10), () -> count[0]++);
        boolean reached = clock.advanceTo(Duration.ofSeconds(1).toNanos(), () -> count[0] == 7);
        assertThat(reached).isFalse();
        assertThat(clock.nanos()).isEqualTo(70_000_000L);
        assertThat(clock.advanceTo(80_000_000L, () -> false)).isTrue();
        assertThat(count[0]).isEqualTo(8);
    }

    @Test
    void refusesToGoBackwards() {
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> clock.advanceTo(0, () -> false)).hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advanceNanos(-1)).hasMessageContaining("backwards");
    }
}
