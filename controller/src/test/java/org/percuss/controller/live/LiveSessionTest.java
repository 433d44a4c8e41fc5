package org.percuss.controller.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.LoopState;

class LiveSessionTest {

    @Test
    void theStateShowsTheSessionAsItGoes() {
        LiveHarness h = new LiveHarness();
        LiveState idle = h.state();
        assertThat(idle.state()).isEqualTo(LoopState.IDLE);
        assertThat(idle.info().levelPpm()).containsExactly(1200, 1700, 2200, 2700, 3200);
        assertThat(idle.info().device()).isEqualTo("simulator");
        assertThat(idle.zone()).isNull();
        h.control.start();
        h.run(Duration.ofSeconds(3));
        LiveState s = h.state();
        assertThat(s.state()).isEqualTo(LoopState.WARM_UP);
        assertThat(s.commandedPpm()).isEqualTo(1200);
        assertThat(s.measuredPpm()).isBetween(1100, 1300);
        assertThat(s.runningSeconds()).isBetween(2.9, 3.0);
        assertThat(s.limitSeconds()).isEqualTo(900);
        assertThat(s.currentAmps()).isNotNull().isPositive();
        assertThat(s.temperatureCelsius()).isNotNull();
        assertThat(s.supplyVolts()).isNotNull().isGreaterThan(12);
        assertThat(s.messages()).extracting(Message::text).containsExactly("warm-up: started at the lowest level");
        assertThat(s.tick()).isEqualTo(h.session.ticksStarted());
    }

    @Test
    void aZonesBudgetLeftCountsDownWithTheRunningTime() {
        LiveHarness h = new LiveHarness(PercussConfig.DEFAULT, 0, "calves", Duration.ofMinutes(4).toNanos());
        h.control.start();
        h.run(Duration.ofSeconds(60));
        assertThat(h.state().zone().name()).isEqualTo("calves");
        assertThat(h.state().zone().leftSeconds()).isBetween(179.9, 180.1);
        assertThat(h.state().info().zone()).isEqualTo("calves");
    }

    @Test
    void aSafetyStopIsPublishedOnTheTickItHappensWithItsFaultsAndAMarkForThePlot() {
        LiveHarness h = new LiveHarness();
        h.control.start();
        h.run(Duration.ofSeconds(1));
        h.control.emergencyStop();
        h.ticks(1);
        LiveState s = h.state();
        assertThat(s.state()).isEqualTo(LoopState.EMERGENCY_STOP);
        assertThat(s.tick()).isEqualTo(h.session.ticksStarted());
        assertThat(s.faults()).containsExactly("emergency stop");
        assertThat(s.messages()).extracting(Message::text).contains("emergency stop: requested by the user")
                .doesNotContain("emergency stop: emergency stop: requested by the user");
        assertThat(h.session.history().marks()).extracting(SampleHistory.Mark::label)
                .containsExactly("emergency stop: requested by the user");
    }

    @Test
    void theHistoryIsSampledTwentyTimesASecondOfSessionTime() {
        LiveHarness h = new LiveHarness();
        h.control.start();
        h.run(Duration.ofSeconds(10));
        long n = h.session.history().count();
        assertThat(n).isBetween(200L, 202L);
        SampleHistory.Chunk c = h.session.history().since(0);
        assertThat(c.seconds()[1] - c.seconds()[0]).isEqualTo(LiveSession.SAMPLE_MILLIS / 1000.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void onlyTheLatestMessagesAreKept() {
        LiveHarness h = new LiveHarness();
        for (int i = 0; i < LiveSession.MAX_MESSAGES + 5; i++) {
            h.session.warning("w" + i);
        }
        h.ticks(1);
        List<Message> m = h.state().messages();
        assertThat(m).hasSize(LiveSession.MAX_MESSAGES);
        assertThat(m.get(m.size() - 1).text()).isEqualTo("w" + (LiveSession.MAX_MESSAGES + 4));
    }

    @Test
    void theEndIsPublishedWithTheLastState() {
        LiveHarness h = new LiveHarness();
        h.control.finish();
        h.ticks(1);
        SessionEnd end = new SessionEnd("interrupted", 0, 0, 0, 0, List.of("session summary"));
        h.session.end(end);
        assertThat(h.state().end()).isEqualTo(end);
        assertThat(h.state().over()).isTrue();
    }
}
