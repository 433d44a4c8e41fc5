package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopStateTest {

    @Test
    void theMotorTurnsInWarmUpRampingAndRunningOnly() {
        assertThat(Arrays.stream(LoopState.values()).filter(LoopState::motorOn))
                .containsExactly(LoopState.WARM_UP, LoopState.RAMPING, LoopState.RUNNING);
    }

    @Test
    void onlyTheSafetyStopsAreLatched() {
        assertThat(Arrays.stream(LoopState.values()).filter(LoopState::latched))
                .containsExactly(LoopState.FAULT, LoopState.EMERGENCY_STOP);
    }

    @Test
    void eachStateHasItsWordsForTheStatusLine() {
        assertThat(Arrays.stream(LoopState.values()).map(LoopState::label)).containsExactly("idle", "warm-up", "ramping",
                "running", "paused", "fault", "emergency stop", "finished");
    }

    @Test
    void aSessionEndsNormallyAtItsLimitItsZonesBudgetOrAnInterruptOnly() {
        assertThat(Arrays.stream(StopReason.values()).filter(StopReason::normal))
                .containsExactly(StopReason.SESSION_LIMIT, StopReason.ZONE_BUDGET, StopReason.INTERRUPTED);
        assertThat(Arrays.stream(StopReason.values()).map(StopReason::label)).containsExactly("session limit reached",
                "zone budget used up", "interrupted", "safety stop", "emergency stop", "link lost", "output error");
    }

    @Test
    void aStatesLineSaysItsWordsOnceThenWhy() {
        assertThat(LoopState.EMERGENCY_STOP.line("emergency stop: requested by the user"))
                .isEqualTo("emergency stop: requested by the user");
        assertThat(LoopState.EMERGENCY_STOP.line("over-current: 4.30 A for 100 ms"))
                .isEqualTo("emergency stop: over-current: 4.30 A for 100 ms");
        assertThat(LoopState.FAULT.line("over-temperature: 81.0 °C")).isEqualTo("fault: over-temperature: 81.0 °C");
        assertThat(LoopState.IDLE.line("faults cleared")).isEqualTo("idle: faults cleared");
        assertThat(LoopState.PAUSED.line("")).isEqualTo("paused");
    }
}
