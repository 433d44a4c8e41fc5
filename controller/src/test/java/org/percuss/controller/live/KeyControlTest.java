package org.percuss.controller.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.percuss.controller.loop.LoopState;

class KeyControlTest {

    private final LiveHarness h = new LiveHarness();
    private final AtomicInteger quits = new AtomicInteger();
    private final AtomicLong wall = new AtomicLong();
    private final KeyControl keys = new KeyControl(h.control, quits::incrementAndGet, wall::get);

    private void type(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        keys.keys(b, b.length);
    }

    @Test
    void plusPlusRampsTwoLevelsUpAndMinusComesDownAtOnce() {
        type(" ");
        h.run(Duration.ofSeconds(12));
        type("++");
        h.ticks(1);
        assertThat(h.state().level()).isEqualTo(3);
        assertThat(h.state().state()).isEqualTo(LoopState.RAMPING);
        assertThat(keys.footer()).isEqualTo("level 3 (2200 ppm): ramping up");
        h.run(Duration.ofSeconds(10));
        assertThat(h.state().commandedPpm()).isEqualTo(2200);
        type("-");
        h.ticks(1);
        assertThat(h.state().commandedPpm()).isEqualTo(1700);
    }

    @Test
    void eAndALoneEscStopAtOnceAndTheStopLatches() {
        type(" ");
        h.run(Duration.ofSeconds(2));
        type("e");
        h.ticks(1);
        assertThat(h.state().state()).isEqualTo(LoopState.EMERGENCY_STOP);
        assertThat(h.state().commandedPpm()).isZero();
        h.run(Duration.ofSeconds(2));
        type("c ");
        h.run(Duration.ofMillis(50));
        assertThat(h.state().state()).isEqualTo(LoopState.WARM_UP);
        assertThat(h.state().commandedPpm()).isEqualTo(1200);
        type("\u001b");
        h.ticks(1);
        assertThat(h.state().state()).isEqualTo(LoopState.EMERGENCY_STOP);
    }

    @Test
    void anArrowKeysEscapeSequenceIsSkippedWholeNotTakenForEsc() {
        type(" ");
        h.run(Duration.ofSeconds(2));
        type("\u001b[A\u001bOB\u001b[1;5C");
        h.ticks(2);
        assertThat(h.state().state()).isEqualTo(LoopState.WARM_UP);
        assertThat(keys.footer()).startsWith("starting at the lowest level"); // no key answered the arrows
    }

    @Test
    void spacePausesAndResumesFromTheLowestLevel() {
        type(" ");
        h.run(Duration.ofSeconds(20));
        type("++");
        h.run(Duration.ofSeconds(10));
        type(" ");
        h.ticks(1);
        assertThat(h.state().state()).isEqualTo(LoopState.PAUSED);
        h.run(Duration.ofSeconds(2));
        type(" ");
        h.ticks(1);
        assertThat(h.state().state()).isEqualTo(LoopState.WARM_UP);
        assertThat(h.state().commandedPpm()).isEqualTo(1200);
    }

    @Test
    void qCtrlCAndCtrlBackslashQuit() {
        type("q");
        type("\u0003");
        type("\u001c");
        assertThat(quits).hasValue(3);
    }

    @Test
    void aRefusedKeySaysWhyInPlaceOfTheLegendForAFewSeconds() {
        assertThat(keys.footer()).isEqualTo(KeyControl.LEGEND);
        type(" ");
        h.ticks(1);
        type(" e");
        h.ticks(1);
        type("+");
        assertThat(keys.footer()).startsWith("refused: emergency stop latched");
        wall.addAndGet(KeyControl.NOTICE_NANOS - 1);
        assertThat(keys.footer()).startsWith("refused:");
        wall.addAndGet(1);
        assertThat(keys.footer()).isEqualTo(KeyControl.LEGEND);
        type("x");
        assertThat(keys.footer()).isEqualTo("no action on 'x'");
    }
}
