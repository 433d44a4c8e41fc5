package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.percuss.controller.config.Zone;
import org.junit.jupiter.api.Test;

class ZoneBudgetTest {

    private static final long MIN = 60_000L;
    private static final long NOW = 1_000_000_000_000L;
    private final Zone back = Zone.of("lower-back");

    private static UsageEntry e(String zone, long endMinutesFromNow, long runningMinutes) {
        return new UsageEntry("s", zone, NOW + endMinutesFromNow * MIN, runningMinutes * MIN);
    }

    @Test
    void countsWhatEndedInTheLastHourOnThatZoneOnly() {
        ZoneBudget b = ZoneBudget.of(back, List.of(e("lower-back", -70, 5), e("lower-back", -59, 4),
                e("neck", -5, 9), e("lower-back", -1, 3)), NOW);
        assertThat(b.usedMillis()).isEqualTo(7 * MIN);
        assertThat(b.left()).isEqualTo(Duration.ofMinutes(8));
        assertThat(b.availableAgainEpochMillis()).isEqualTo(NOW);
    }

    @Test
    void theWindowEdgeIsSixtyMinutesToTheMillisecond() {
        UsageEntry edge = new UsageEntry("s", "lower-back", NOW - 60 * MIN, MIN);
        UsageEntry out = new UsageEntry("s", "lower-back", NOW - 60 * MIN - 1, MIN);
        assertThat(ZoneBudget.of(back, List.of(edge, out), NOW).usedMillis()).isEqualTo(MIN);
    }

    @Test
    void entriesFromTheFutureCountAgainstTheUser() {
        // a clock set back, or a simulated session run faster than real time
        ZoneBudget b = ZoneBudget.of(back, List.of(e("lower-back", 30, 10)), NOW);
        assertThat(b.usedMillis()).isEqualTo(10 * MIN);
    }

    @Test
    void aSpentZoneSaysWhenEnoughHasAgedOut() {
        List<UsageEntry> entries = List.of(e("lower-back", -50, 5), e("lower-back", -20, 5), e("lower-back", -5, 5));
        ZoneBudget b = ZoneBudget.of(back, entries, NOW);
        assertThat(b.exhausted()).isTrue();
        // the oldest 5 minutes stop counting 1 ms after they are 60 minutes old: 10 minutes from now
        assertThat(b.availableAgainEpochMillis()).isEqualTo(NOW + 10 * MIN + 1);
        assertThat(ZoneBudget.of(back, entries, NOW + 10 * MIN + 1).left()).isEqualTo(Duration.ofMinutes(5));
    }
}
