package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;

class SessionPlanTest {

    private static final long S = 1_000_000_000L;
    private final PercussConfig tenMinutes = PercussConfig.DEFAULT.withSessionLimit(Duration.ofMinutes(10));

    @Test
    void withoutAZoneTheSessionsOwnLimitAndNoLevelCap() {
        SessionPlan plan = SessionPlan.of(tenMinutes);
        SessionTimer timer = plan.timer();
        assertThat(timer.limitNanos()).isEqualTo(600 * S);
        assertThat(timer.zoneIsTheLimit()).isFalse();
        assertThat(timer.zone()).isEmpty();
        assertThat(timer.warningAtRemaining()).as("the config's warning lead").isEqualTo(60 * S);
        assertThat(plan.maxLevel()).isZero();
    }

    @Test
    void onAZoneItsBudgetLeftWhenThatIsLessAndItsMaximumLevel() {
        Zone neck = new Zone("neck", Duration.ofMinutes(15), 2);
        SessionPlan plan = SessionPlan.onZone(tenMinutes, neck, Duration.ofMinutes(4));
        SessionTimer timer = plan.timer();
        assertThat(timer.limitNanos()).isEqualTo(240 * S);
        assertThat(timer.zoneIsTheLimit()).isTrue();
        assertThat(timer.zone()).isEqualTo("neck");
        assertThat(timer.warningAtRemaining()).isEqualTo(60 * S);
        assertThat(plan.maxLevel()).isEqualTo(2);
    }

    @Test
    void onAZoneWithMoreLeftThanTheSessionsLimitTheLimitIsTheSessions() {
        SessionPlan plan = SessionPlan.onZone(tenMinutes, Zone.of("calves"), Duration.ofMinutes(12));
        assertThat(plan.timer().limitNanos()).isEqualTo(600 * S);
        assertThat(plan.timer().zoneIsTheLimit()).isFalse();
        assertThat(plan.timer().zone()).isEqualTo("calves");
        assertThat(plan.maxLevel()).isZero();
    }
}
