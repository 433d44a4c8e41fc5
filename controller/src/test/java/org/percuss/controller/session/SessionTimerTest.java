package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

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
}
