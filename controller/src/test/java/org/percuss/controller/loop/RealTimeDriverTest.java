package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.percuss.device.time.Ticker;

/**
 * The real-time driver's schedule, on a fake ticker: every reading of it moves time on by 100 ns,
 * as if time passed while the driver looked at the clock, so the driver's wait for a deadline ends
 * when the readings reach it (the parks in between are at most a microsecond of real time, the
 * whole test a few milliseconds). A tick can take time too. Deadlines are 1000 ns apart.
 */
class RealTimeDriverTest {

    private static final long STEP = 100;
    private static final Duration PERIOD = Duration.ofNanos(1000);

    /** Time moves on by {@link #STEP} at each reading; {@link #interruptAt} interrupts the reader. */
    private final class SteppingTicker implements Ticker {
        long now;
        long interruptAt = Long.MAX_VALUE;

        @Override
        public long nanos() {
            now += STEP;
            if (now == interruptAt) {
                Thread.currentThread().interrupt(); // as if a signal arrived during the wait
            }
            return now;
        }
    }

    private final SteppingTicker ticker = new SteppingTicker();
    private final List<Long> ticks = new ArrayList<>();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Runs the driver until {@code stopAfter} ticks; tick {@code n} (1-based) takes {@code took.applyAsLong(n)} ns. */
    private List<Long> run(int stopAfter, java.util.function.IntToLongFunction took) {
        new RealTimeDriver(ticker, PERIOD).run(() -> {
            ticks.add(ticker.now);
            ticker.now += took.applyAsLong(ticks.size());
        }, () -> ticks.size() == stopAfter);
        return ticks;
    }

    @Test
    void ticksFallOnWholePeriodsFromTheStart() {
        // started at 100 ns; the first tick at once (the first reading after the start), then every 1000 ns
        assertThat(run(5, n -> 0)).containsExactly(200L, 1100L, 2100L, 3100L, 4100L);
    }

    @Test
    void aLateTickDoesNotShiftTheOnesAfterIt() {
        assertThat(run(5, n -> n == 2 ? 500 : 0)).containsExactly(200L, 1100L, 2100L, 3100L, 4100L);
    }

    @Test
    void aTickExactlyOnePeriodLateIsStillCaughtUp() {
        // tick 2 ends at 3000; the deadline of tick 3 (2100) is read as passed at 3100, one period ago
        assertThat(run(6, n -> n == 2 ? 1900 : 0)).containsExactly(200L, 1100L, 3200L, 3400L, 4100L, 5100L);
    }

    @Test
    void aTickMoreThanAPeriodLateStartsTheScheduleAfreshRatherThanBurst() {
        // tick 2 ends at 3600; read at 3700, 1600 ns past the deadline: the next deadline is 3700
        assertThat(run(5, n -> n == 2 ? 2500 : 0)).containsExactly(200L, 1100L, 3800L, 4700L, 5700L);
    }

    @Test
    void stopsAfterTheTickThatSaysItIsDone() {
        assertThat(run(3, n -> 0)).hasSize(3);
    }

    @Test
    void anInterruptDuringATickEndsTheRunAfterIt() {
        IntPredicate interruptOnSecond = n -> n == 2;
        new RealTimeDriver(ticker, PERIOD).run(() -> {
            ticks.add(ticker.now);
            if (interruptOnSecond.test(ticks.size())) {
                Thread.currentThread().interrupt();
            }
        }, () -> false);
        assertThat(ticks).containsExactly(200L, 1100L);
    }

    @Test
    void anInterruptWhileWaitingForTheNextDeadlineEndsTheRunAtOnce() {
        ticker.interruptAt = 600; // between the first tick (200) and the second deadline (1100)
        new RealTimeDriver(ticker, PERIOD).run(() -> ticks.add(ticker.now), () -> false);
        assertThat(ticks).containsExactly(200L);
        assertThat(ticker.now).as("no reading after the interrupt's").isEqualTo(600);
    }
}
