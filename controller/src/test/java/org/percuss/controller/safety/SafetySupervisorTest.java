package org.percuss.controller.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.percuss.controller.safety.TestContext.telemetry;

import org.percuss.controller.config.SafetyLimits;
import org.percuss.device.api.Fault;
import org.junit.jupiter.api.Test;

class SafetySupervisorTest {

    private final TestContext ctx = new TestContext();
    private final SafetySupervisor supervisor = SafetySupervisor.standard(SafetyLimits.DEFAULT);
    private long ms;

    private void at(double celsius) {
        ms += 10;
        supervisor.evaluate(telemetry(ms, 1200, 1, celsius, 16), ms * TestContext.MS, ctx);
    }

    @Test
    void aTripLatchesItsFaultAndIsReportedOnce() {
        at(70);
        at(80);
        at(81);
        assertThat(supervisor.latched().contains(Fault.OVER_TEMPERATURE)).isTrue();
        assertThat(supervisor.firstTripFault()).isEqualTo(Fault.OVER_TEMPERATURE);
        assertThat(ctx.events).filteredOn(e -> e.startsWith("trip:")).hasSize(1);
    }

    @Test
    void aTemperatureHoveringAtTheTripLimitDoesNotAnnounceTheSameDerateAgainAndAgain() {
        at(76); // derate to the lowest level
        for (int i = 0; i < 20; i++) {
            at(i % 2 == 0 ? 80.0 : 79.9);
        }
        assertThat(ctx.events).filteredOn(e -> e.startsWith("derating to level 1")).hasSize(1);
        assertThat(ctx.events).filteredOn(e -> e.startsWith("trip: over temperature")).hasSize(1);
        assertThat(supervisor.derateLevel()).as("79.9 °C still derates").isEqualTo(1);
    }

    @Test
    void theLowestDerateOfTheTickWins() {
        at(70); // thermal: level 2
        assertThat(supervisor.derateLevel()).isEqualTo(2);
        at(50);
        assertThat(supervisor.derateLevel()).isZero();
        assertThat(ctx.events).last().asString().startsWith("derating ended: temperature 50.0 °C");
    }

    @Test
    void clearingUnlatchesAndForgetsEveryRulesState() {
        at(85);
        assertThat(supervisor.hasLatched()).isTrue();
        supervisor.clear(ms * TestContext.MS);
        assertThat(supervisor.hasLatched()).isFalse();
        assertThat(supervisor.firstTripReason()).isEmpty();
    }
}
