package org.percuss.controller.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.percuss.controller.loop.LoopState;

class SampleHistoryTest {

    private static void add(SampleHistory h, int n) {
        for (int i = 0; i < n; i++) {
            h.add(i * 0.05, 1700, i, 1000 + i, 0.5, 30, LoopState.RUNNING);
        }
    }

    @Test
    void aReaderGetsWhatCameSinceTheSampleItSawLast() {
        SampleHistory h = new SampleHistory(10, 100);
        add(h, 4);
        SampleHistory.Chunk first = h.since(0);
        assertThat(first.firstSeq()).isZero();
        assertThat(first.commandedPpm()).containsExactly(0, 1, 2, 3);
        add(h, 2);
        SampleHistory.Chunk next = h.since(first.nextSeq());
        assertThat(next.firstSeq()).isEqualTo(4);
        assertThat(next.size()).isEqualTo(2);
        assertThat(h.since(next.nextSeq()).size()).isZero();
    }

    @Test
    void theRecentWindowKeepsOnlyTheLatestSamples() {
        SampleHistory h = new SampleHistory(10, 100);
        add(h, 25);
        SampleHistory.Chunk c = h.since(0);
        assertThat(c.firstSeq()).isEqualTo(15);
        assertThat(c.commandedPpm()).containsExactly(15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
        assertThat(c.states()).containsOnly(LoopState.RUNNING);
    }

    @Test
    void theWholeSessionIsThinnedByHalfWhenFullAndKeepsItsSpan() {
        SampleHistory h = new SampleHistory(10, 8);
        add(h, 8);
        assertThat(h.whole().commandedPpm()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        h.add(8 * 0.05, 1700, 8, 0, 0, 0, LoopState.RUNNING);
        assertThat(h.whole().commandedPpm()).containsExactly(0, 2, 4, 6, 8);
        for (int i = 9; i < 17; i++) {
            h.add(i * 0.05, 1700, i, 0, 0, 0, LoopState.RUNNING);
        }
        // every other one from now on: 10, 12, 14, 16 (and when full again, every fourth)
        assertThat(h.whole().commandedPpm()).containsExactly(0, 4, 8, 12, 16);
        assertThat(h.count()).isEqualTo(17);
    }

    @Test
    void aSessionOfHoursStaysWithinItsCapacity() {
        SampleHistory h = new SampleHistory(1400, 36_000);
        long samples = Duration.ofHours(5).toMillis() / LiveSession.SAMPLE_MILLIS;
        for (long i = 0; i < samples; i++) {
            h.add(i * 0.05, 0, 0, 0, 0, 0, LoopState.IDLE);
        }
        SampleHistory.Chunk whole = h.whole();
        assertThat(whole.size()).isBetween(18_000, 36_000);
        assertThat(whole.seconds()[whole.size() - 1]).isGreaterThan(5 * 3600 - 60);
        assertThat(h.since(0).size()).isEqualTo(1400);
    }

    @Test
    void capacitiesMustMakeSense() {
        assertThatThrownBy(() -> new SampleHistory(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SampleHistory(10, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
