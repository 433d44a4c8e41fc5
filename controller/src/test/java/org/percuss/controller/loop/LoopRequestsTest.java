package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopRequestsTest {

    private final LoopRequests requests = new LoopRequests();

    @Test
    void aTickTakesEverythingAskedSinceTheLastOneAtOnce() {
        requests.add(LoopRequests.START);
        requests.add(LoopRequests.CLEAR);
        requests.add(LoopRequests.START);
        int taken = requests.take();
        assertThat(taken).isEqualTo(LoopRequests.START | LoopRequests.CLEAR);
        assertThat(LoopRequests.has(taken, LoopRequests.START)).isTrue();
        assertThat(LoopRequests.has(taken, LoopRequests.CLEAR)).isTrue();
        assertThat(LoopRequests.has(taken, LoopRequests.PAUSE)).isFalse();
        assertThat(requests.take()).as("nothing new").isZero();
    }

    @Test
    void theRequestsAreDistinctBits() {
        int[] all = {LoopRequests.START, LoopRequests.PAUSE, LoopRequests.EMERGENCY_STOP, LoopRequests.CLEAR,
            LoopRequests.FINISH, LoopRequests.LEVEL};
        int union = 0;
        for (int r : all) {
            assertThat(Integer.bitCount(r)).isEqualTo(1);
            assertThat(union & r).isZero();
            union |= r;
        }
    }

    @Test
    void theLatestLevelWinsAndStaysReadableAfterTheTake() {
        requests.level(4);
        requests.level(2);
        assertThat(requests.take()).isEqualTo(LoopRequests.LEVEL);
        assertThat(requests.level()).isEqualTo(2);
    }

    @Test
    void aFinishCarriesItsReasonAndIsAnInterruptUnlessSaidOtherwise() {
        assertThat(requests.finishReason()).isEqualTo(StopReason.INTERRUPTED);
        requests.finish(StopReason.OUTPUT_ERROR);
        assertThat(requests.take()).isEqualTo(LoopRequests.FINISH);
        assertThat(requests.finishReason()).isEqualTo(StopReason.OUTPUT_ERROR);
    }
}
