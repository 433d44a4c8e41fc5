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

    @Test
    void exactlyTheBudgetUsedIsSpent() {
        ZoneBudget b = ZoneBudget.of(back, List.of(e("lower-back", -50, 10), e("lower-back", -10, 5)), NOW);
        assertThat(b.usedMillis()).isEqualTo(15 * MIN);
        assertThat(b.left()).isEqualTo(Duration.ZERO);
        assertThat(b.exhausted()).isTrue();
        assertThat(b.availableAgainEpochMillis()).isEqualTo(NOW + 10 * MIN + 1);
        assertThat(ZoneBudget.of(back, List.of(e("lower-back", -10, 14)), NOW).exhausted()).isFalse();
    }

    @Test
    void whenMoreThanTheBudgetWasUsedItIsBackOnlyOnceLessThanTheBudgetCounts() {
        // 20 minutes (two sessions at once): the oldest 5 leaving still leaves 15, no time left
        List<UsageEntry> entries = List.of(e("lower-back", -50, 5), e("lower-back", -40, 5), e("lower-back", -10, 10));
        ZoneBudget b = ZoneBudget.of(back, entries, NOW);
        assertThat(b.left()).isEqualTo(Duration.ZERO);
        assertThat(b.availableAgainEpochMillis()).isEqualTo(NOW + 20 * MIN + 1);
        assertThat(ZoneBudget.of(back, entries, NOW + 10 * MIN + 1).left()).isEqualTo(Duration.ZERO);
        assertThat(ZoneBudget.of(back, entries, NOW + 20 * MIN + 1).left()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theOldestEntryAgesOutFirstInWhateverOrderTheLedgerHasThem() {
        List<UsageEntry> newestFirst = List.of(e("lower-back", -5, 5), e("lower-back", -20, 5), e("lower-back", -50, 5));
        assertThat(ZoneBudget.of(back, newestFirst, NOW).availableAgainEpochMillis()).isEqualTo(NOW + 10 * MIN + 1);
    }

    @Test
    void aSumTooLargeForALongSaturatesRatherThanWrapsToTimeLeft() {
        assertThat(ZoneBudget.saturatingAdd(3, 4)).isEqualTo(7);
        assertThat(ZoneBudget.saturatingAdd(-5, 2)).isEqualTo(-3);
        assertThat(ZoneBudget.saturatingAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(ZoneBudget.saturatingAdd(Long.MAX_VALUE, -1)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(ZoneBudget.saturatingAdd(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(ZoneBudget.saturatingAdd(Long.MIN_VALUE + 1, -1)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aZoneWithAShorterBudgetIsSpentSooner() {
        Zone neck = new Zone("neck", Duration.ofMinutes(5), 0);
        ZoneBudget b = ZoneBudget.of(neck, List.of(e("neck", -30, 4)), NOW);
        assertThat(b.left()).isEqualTo(Duration.ofMinutes(1));
        assertThat(ZoneBudget.of(neck, List.of(e("neck", -30, 6)), NOW).left()).isEqualTo(Duration.ZERO);
    }
}
