package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionTimerTest {

    private static final long S = 1_000_000_000L;

    @Test
    void reachesTheLimitExactlyWhenTheRunningTimeDoes() {
        SessionTimer t = new SessionTimer(900 * S, 60 * S);
        t.addRunning(899 * S);
        assertThat(t.limitReached()).isFalse();
        assertThat(t.remainingNanos()).isEqualTo(S);
        t.addRunning(S);
        assertThat(t.limitReached()).isTrue();
        assertThat(t.remainingNanos()).isZero();
    }

    @Test
    void warnsOnceWhenAMinuteIsLeft() {
        SessionTimer t = new SessionTimer(900 * S, 60 * S);
        t.addRunning(839 * S);
        assertThat(t.takeWarning()).isFalse();
        t.addRunning(S);
        assertThat(t.takeWarning()).isTrue();
        assertThat(t.takeWarning()).isFalse();
    }

    @Test
    void aLimitNoLongerThanTwiceTheLeadIsWarnedAtHalfTime() {
        SessionTimer t = new SessionTimer(20 * S, 60 * S);
        for (int i = 0; i < 10; i++) {
            assertThat(t.takeWarning()).isFalse();
            t.addRunning(S);
        }
        assertThat(t.takeWarning()).as("10 s of 20 s left").isTrue();
        for (int i = 10; i < 20; i++) {
            assertThat(t.takeWarning()).isFalse();
            t.addRunning(S);
        }
        assertThat(t.limitReached()).isTrue();
    }

    @Test
    void aLimitOfTwoMinutesIsWarnedAMinuteBefore() {
        SessionTimer t = new SessionTimer(120 * S, 60 * S);
        t.addRunning(59 * S);
        assertThat(t.takeWarning()).isFalse();
        t.addRunning(S);
        assertThat(t.takeWarning()).isTrue();
    }

    @Test
    void aSessionNeedsAtLeastOneNanosecondOfRunningTime() {
        assertThatThrownBy(() -> new SessionTimer(0, 60 * S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a session needs running time: limit 0 ns, zone budget left 9223372036854775807 ns");
        assertThatThrownBy(() -> new SessionTimer(900 * S, 0, "neck", 60 * S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a session needs running time: limit 900000000000 ns, zone budget left 0 ns");
        SessionTimer shortest = new SessionTimer(1, 1, "neck", 60 * S);
        assertThat(shortest.limitNanos()).isEqualTo(1);
        assertThat(shortest.limitReached()).isFalse();
    }

    @Test
    void onAZoneTheSmallerOfTheSessionsLimitAndTheBudgetLeftIsTheLimit() {
        SessionTimer lessLeft = new SessionTimer(900 * S, 300 * S, "neck", 60 * S);
        assertThat(lessLeft.limitNanos()).isEqualTo(300 * S);
        assertThat(lessLeft.zoneIsTheLimit()).isTrue();
        assertThat(lessLeft.zone()).isEqualTo("neck");
        SessionTimer asMuchLeft = new SessionTimer(900 * S, 900 * S, "neck", 60 * S);
        assertThat(asMuchLeft.limitNanos()).isEqualTo(900 * S);
        assertThat(asMuchLeft.zoneIsTheLimit()).as("a tie is the session's own limit").isFalse();
        SessionTimer moreLeft = new SessionTimer(600 * S, 900 * S, "neck", 60 * S);
        assertThat(moreLeft.limitNanos()).isEqualTo(600 * S);
        assertThat(moreLeft.zoneIsTheLimit()).isFalse();
        assertThat(new SessionTimer(600 * S, 60 * S).zone()).isEmpty();
    }

    @Test
    void runningTimeAddsUpAndNeverGoesBack() {
        SessionTimer t = new SessionTimer(900 * S, 60 * S);
        t.addRunning(0);
        t.addRunning(3 * S);
        t.addRunning(4 * S);
        assertThat(t.runningNanos()).isEqualTo(7 * S);
        assertThat(t.remainingNanos()).isEqualTo(893 * S);
        assertThatThrownBy(() -> t.addRunning(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("running time cannot go back: -1 ns");
        assertThat(t.runningNanos()).isEqualTo(7 * S);
    }

    @Test
    void pastTheLimitNothingRemainsAndNoWarningComesAnyMore() {
        SessionTimer t = new SessionTimer(20 * S, 5 * S);
        t.addRunning(21 * S); // one long tick straight past the warning and the limit
        assertThat(t.remainingNanos()).isZero();
        assertThat(t.limitReached()).isTrue();
        assertThat(t.takeWarning()).isFalse();
    }

    @Test
    void theWarningComesAtTheLeadOrAtHalfAShortLimit() {
        assertThat(new SessionTimer(900 * S, 60 * S).warningAtRemaining()).isEqualTo(60 * S);
        assertThat(new SessionTimer(100 * S, 60 * S).warningAtRemaining()).isEqualTo(50 * S);
        assertThat(new SessionTimer(900 * S, 300 * S, "neck", 60 * S).warningAtRemaining()).isEqualTo(60 * S);
        assertThat(new SessionTimer(900 * S, 90 * S, "neck", 60 * S).warningAtRemaining()).isEqualTo(45 * S);
    }
}
