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
 * when the readings reach it; its parks are a fake that returns at once (or, in the strategies'
 * tests, moves the ticker on by the time asked plus a wake-up's lateness). A tick can take time
 * too. Deadlines are 1000 ns apart in the schedule's tests, 1 ms apart in the strategies'.
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

    /** The driver of the schedule's tests: parking returns at once, so the readings alone move time. */
    private RealTimeDriver driver() {
        return new RealTimeDriver(ticker, PERIOD, LoopSleep.PARK, RealTimeDriver.Monitor.NONE, nanos -> { });
    }

    /** Runs the driver until {@code stopAfter} ticks; tick {@code n} (1-based) takes {@code took.applyAsLong(n)} ns. */
    private List<Long> run(int stopAfter, java.util.function.IntToLongFunction took) {
        driver().run(() -> {
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
        driver().run(() -> {
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
        driver().run(() -> ticks.add(ticker.now), () -> false);
        assertThat(ticks).containsExactly(200L);
        assertThat(ticker.now).as("no reading after the interrupt's").isEqualTo(600);
    }

    // ---- the waiting strategies, on a 1 ms period, with parks that wake 80 µs late --------------

    private static final long MS = 1_000_000L;
    private static final long LATE_WAKE = 80_000L;

    /** The parks asked for, in ns; each moves the ticker on by what was asked plus {@link #LATE_WAKE}. */
    private final List<Long> parks = new ArrayList<>();

    /** Ticks of a driver waiting the {@code sleep} way: deadline, start, end of each, as the monitor heard them. */
    private List<long[]> runWaiting(LoopSleep sleep, int stopAfter) {
        List<long[]> heard = new ArrayList<>();
        new RealTimeDriver(ticker, Duration.ofNanos(MS), sleep, (deadline, started, ended) ->
                heard.add(new long[] {deadline, started, ended}), nanos -> {
                    parks.add(nanos);
                    ticker.now += nanos + LATE_WAKE;
                }).run(() -> ticks.add(ticker.now), () -> ticks.size() == stopAfter);
        return heard;
    }

    @Test
    void parkWaitsForTheWholeGapAndStartsAsLateAsTheWakeUp() {
        List<long[]> heard = runWaiting(LoopSleep.PARK, 3);
        // started at 100; tick 1 at 200 (ended 300), then parked from 400 to the deadline 1,000,100, woken 80 µs late
        assertThat(parks).containsExactly(999_700L, 919_700L); // the second: from 1,080,400 to 2,000,100
        assertThat(heard).extracting(t -> t[1] - t[0]).containsExactly(100L, LATE_WAKE + 100, LATE_WAKE + 100);
    }

    @Test
    void parkSpinParksToTheMarginThenSpinsSoTheWakeUpsLatenessIsAbsorbed() {
        List<long[]> heard = runWaiting(LoopSleep.PARK_SPIN, 3);
        assertThat(parks).hasSize(2).allSatisfy(p -> assertThat(p).isLessThan(MS - LoopSleep.SPIN_MARGIN_NANOS));
        // each tick starts at the first reading at or after its deadline: at most one reading (100 ns) late
        assertThat(heard).allSatisfy(t -> assertThat(t[1] - t[0]).isBetween(0L, STEP));
        assertThat(heard).extracting(t -> t[0]).containsExactly(100L, MS + 100, 2 * MS + 100);
    }

    @Test
    void spinNeverParks() {
        List<long[]> heard = runWaiting(LoopSleep.SPIN, 3);
        assertThat(parks).isEmpty();
        assertThat(heard).allSatisfy(t -> assertThat(t[1] - t[0]).isBetween(0L, STEP));
    }

    @Test
    void aWakeUpLaterThanTheMarginMakesTheTickLateByTheRest() {
        // 250 µs late wake-ups against a 200 µs margin: 50 µs late, plus the reading's 100 ns
        List<long[]> heard = new ArrayList<>();
        new RealTimeDriver(ticker, Duration.ofNanos(MS), LoopSleep.PARK_SPIN, (deadline, started, ended) ->
                heard.add(new long[] {deadline, started}), nanos -> ticker.now += nanos + 250_000L)
                .run(() -> ticks.add(ticker.now), () -> ticks.size() == 2);
        assertThat(heard.get(1)[1] - heard.get(1)[0]).isEqualTo(50_000L + STEP);
    }

    @Test
    void theMonitorHearsEachTicksDeadlineStartAndEnd() {
        List<long[]> heard = new ArrayList<>();
        new RealTimeDriver(ticker, PERIOD, LoopSleep.PARK, (deadline, started, ended) ->
                heard.add(new long[] {deadline, started, ended}), nanos -> { })
                .run(() -> ticker.now += 300, () -> heard.size() == 2);
        // tick 1: due 100, started 200, ran 300 ns, ended at the reading after it (600)
        assertThat(heard.get(0)).containsExactly(100L, 200L, 600L);
        assertThat(heard.get(1)).containsExactly(1100L, 1100L, 1500L);
    }

    @Test
    void anInterruptWhileSpinningEndsTheRunAtOnce() {
        ticker.interruptAt = 600;
        new RealTimeDriver(ticker, PERIOD, LoopSleep.SPIN, RealTimeDriver.Monitor.NONE, nanos -> { })
                .run(() -> ticks.add(ticker.now), () -> false);
        assertThat(ticks).containsExactly(200L);
        assertThat(ticker.now).isEqualTo(600);
    }

    @Test
    void eachStrategyHasItsOptionName() {
        assertThat(LoopSleep.values()).extracting(LoopSleep::optionName).containsExactly("park", "park-spin", "spin");
    }

    @Test
    void waitingAndMonitoringAllocateNothingPerTick() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] heard = new long[1];
        long[] runs = new long[4];
        for (LoopSleep sleep : LoopSleep.values()) {
            for (int run = 0; run < runs.length; run++) {
                long[] count = {0};
                RealTimeDriver driver = new RealTimeDriver(ticker, PERIOD, sleep,
                        (deadline, started, ended) -> heard[0] += started - deadline, nanos -> ticker.now += nanos);
                Runnable tick = () -> count[0]++;
                java.util.function.BooleanSupplier done = () -> count[0] == 50_000;
                long before = threads.getCurrentThreadAllocatedBytes();
                driver.run(tick, done);
                runs[run] = threads.getCurrentThreadAllocatedBytes() - before;
            }
            // one allocation a tick would be at least 800 KB a run; the JIT may allocate a little, once
            assertThat(runs).as("bytes allocated by 50,000 ticks waited for the %s way", sleep).contains(0L);
        }
    }
}
