package org.percuss.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.percuss.device.time.Scheduler;

/**
 * The clock's queue against the plainest model of its contract: of the tasks not cancelled, the
 * one due first runs next, ties in the order first scheduled. Tasks schedule and cancel others as
 * they run, so the queue is reordered from every position.
 */
class VirtualClockOrderTest {

    @Test
    void runsWhatAPlainScanOfTheTasksWouldRunWhateverIsScheduledAndCancelledOnTheWay() {
        for (long seed = 0; seed < 400; seed++) {
            VirtualClock clock = new VirtualClock();
            List<String> real = script(seed, clock, target -> clock.advanceTo(target, () -> false));
            ScanClock model = new ScanClock();
            List<String> expected = script(seed, model, model::advanceTo);
            assertThat(real).as("seed %d", seed).isEqualTo(expected).hasSizeGreaterThan(20);
        }
    }

    /** Schedules, runs and cancels tasks on {@code clock} as {@code seed} says; returns what ran, when. */
    private static List<String> script(long seed, Scheduler clock, LongPredicate advanceTo) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ran = new ArrayList<>();
        List<Scheduler.Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            add(clock, random, ran, handles, i);
        }
        advanceTo.test(200);
        return ran;
    }

    private static void add(Scheduler clock, SplittableRandom random, List<String> ran,
                            List<Scheduler.Cancellable> handles, int id) {
        Duration delay = Duration.ofNanos(random.nextInt(60));
        boolean periodic = random.nextInt(3) == 0;
        Duration period = Duration.ofNanos(1 + random.nextInt(25));
        // What this task does each time it runs, decided now so both clocks see the same script.
        int cancels = random.nextInt(4) == 0 ? random.nextInt(handles.size() + 1) : -1;
        boolean spawns = random.nextInt(5) == 0;
        long childSeed = random.nextLong();
        Runnable task = () -> {
            ran.add(id + "@" + clock.nanos());
            if (cancels >= 0 && cancels < handles.size()) {
                handles.get(cancels).cancel();
            }
            if (spawns && handles.size() < 120) {
                add(clock, new SplittableRandom(childSeed + clock.nanos()), ran, handles, handles.size());
            }
        };
        handles.add(periodic ? clock.scheduleAtFixedRate(delay, period, task) : clock.schedule(delay, task));
    }

    /** The contract, by a scan of every task each time: slow and plainly right. */
    private static final class ScanClock implements Scheduler {
        private final List<Entry> entries = new ArrayList<>();
        private long now;
        private long created;

        private final class Entry implements Cancellable {
            long due;
            final long period;
            final long order = created++;
            final Runnable task;
            boolean cancelled;

            Entry(long due, long period, Runnable task) {
                this.due = due;
                this.period = period;
                this.task = task;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }
        }

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            Entry e = new Entry(now + delay.toNanos(), 0, task);
            entries.add(e);
            return e;
        }

        @Override
        public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
            Entry e = new Entry(now + initialDelay.toNanos(), period.toNanos(), task);
            entries.add(e);
            return e;
        }

        boolean advanceTo(long target) {
            while (true) {
                Entry next = null;
                for (Entry e : entries) {
                    if (!e.cancelled && (next == null || e.due < next.due || (e.due == next.due && e.order < next.order))) {
                        next = e;
                    }
                }
                if (next == null || next.due > target) {
                    now = target;
                    return true;
                }
                now = next.due;
                if (next.period > 0) {
                    next.due += next.period;
                } else {
                    next.cancelled = true;
                }
                next.task.run();
            }
        }
    }
}
