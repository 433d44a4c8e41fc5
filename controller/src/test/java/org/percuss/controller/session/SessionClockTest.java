package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionClockTest {

    private long nanos = 7_000_000_123L; // a ticker's origin is arbitrary

    @Test
    void theCalendarAtTheStartPlusTheTickersTimeSinceRoundedDownToTheMillisecond() {
        SessionClock clock = new SessionClock(() -> 1_790_000_000_000L, () -> nanos);
        assertThat(clock.epochMillis()).isEqualTo(1_790_000_000_000L);
        nanos += 999_999;
        assertThat(clock.epochMillis()).isEqualTo(1_790_000_000_000L);
        nanos += 1;
        assertThat(clock.epochMillis()).isEqualTo(1_790_000_000_001L);
        nanos += 600_000_000_000L; // ten minutes of virtual time
        assertThat(clock.epochMillis()).isEqualTo(1_790_000_600_001L);
    }
}
