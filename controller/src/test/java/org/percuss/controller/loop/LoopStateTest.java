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
}
