package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void minutesAndSecondsRoundedDownAndHoursOnlyWhenThereAreSome() {
        assertThat(Durations.format(0)).isEqualTo("0:00");
        assertThat(Durations.format(20 * S + S - 1)).isEqualTo("0:20");
        assertThat(Durations.format(15 * 60 * S)).isEqualTo("15:00");
        assertThat(Durations.format(59 * 60 * S + 59 * S)).isEqualTo("59:59");
        assertThat(Durations.format(3600 * S)).isEqualTo("1:00:00");
        assertThat(Durations.format((3600 + 2 * 60 + 3) * S)).isEqualTo("1:02:03");
    }

    @Test
    void aNegativeDurationIsNone() {
        assertThat(Durations.format(-5 * S)).isEqualTo("0:00");
    }
}
