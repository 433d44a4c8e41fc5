package org.percuss.controller.timing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as an overrun: a tick that ends after the next tick's deadline. Period 1000 ns. */
class TickTimesTest {

    private final TickTimes times = new TickTimes(1000);

    @Test
    void aTickThatEndsByTheNextDeadlineIsNoOverrunHoweverLateItStarted() {
        times.ticked(0, 0, 100);
        times.ticked(1000, 1900, 2000); // 900 late, ends on the next deadline
        assertThat(times.overruns()).isZero();
        assertThat(times.lateness().percentileMicros(100)).isZero(); // 900 ns: under a microsecond
        assertThat(times.lateness().maxNanos()).isEqualTo(900);
        assertThat(times.longestTickNanos()).isEqualTo(100);
        assertThat(times.spanNanos()).isEqualTo(2000);
    }

    @Test
    void aTickLongerThanThePeriodOrStartedAPeriodLateIsAnOverrun() {
        times.ticked(0, 0, 1001); // took longer than the period
        times.ticked(1000, 2001, 2100); // started more than a period late
        times.ticked(2000, 2500, 3001); // late and long together
        assertThat(times.overruns()).isEqualTo(3);
        assertThat(times.longestTickNanos()).isEqualTo(1001);
    }
}
