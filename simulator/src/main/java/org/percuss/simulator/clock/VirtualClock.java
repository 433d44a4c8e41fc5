package org.percuss.simulator.clock;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.percuss.device.time.Scheduler;

/**
 * A virtual clock and {@link Scheduler}: time stands still until {@link #advance(Duration)} moves it, and
 * moving it runs every task that falls due on the way, in time order, at its due time.
 *
 * <p>In the manner of gRPC's FakeClock: tests and the simulator step fifteen minutes in
 * milliseconds, with no sleeps, no global time and no threads. Tasks due at the same instant run in
 * the order they were first scheduled, so a run is fully deterministic. Not thread-safe: one thread
 * owns the clock and everything scheduled on it.
 */
public final class VirtualClock implements Scheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>(64, Task::compare);
    private long now;
    private long created;

    /** A clock reading zero. */
    public VirtualClock() {
        this(0);
    }

    /** A clock reading {@code startNanos}. */
    public VirtualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanos() {
        return now;
    }

    /** Runs {@code task} once, {@code delay} from now. */
    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        return add(delay.toNanos(), 0, task);
    }

    /**
     * Runs {@code task} every {@code period}, the first time {@code initialDelay} from now. Runs
     * are at exact multiples of the period (fixed rate), however long an advance is.
     */
    @Override
    public Scheduled scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        long p = period.toNanos();
        if (p <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        return add(initialDelay.toNanos(), p, task);
    }

    private Task add(long delayNanos, long periodNanos, Runnable runnable) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delay must not be negative, got " + delayNanos + " ns");
        }
        Task task = new Task(now + delayNanos, periodNanos, created++, runnable);
        queue.add(task);
        return task;
    }

    /** Moves time forward by {@code duration}, running everything that falls due. */
    public void advance(Duration duration) {
        advanceNanos(duration.toNanos());
    }

    /** Moves time forward by {@code nanos}, running everything that falls due. */
    public void advanceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("cannot move a clock backwards by " + nanos + " ns");
        }
        advanceTo(now + nanos, () -> false);
    }

    /**
     * Moves time forward to {@code target}, running what falls due, but stops right after the
     * first task after which {@code stop} answers true, leaving the clock at that task's time.
     *
     * @return true when it reached {@code target}, false when {@code stop} ended it early
     */
    public boolean advanceTo(long target, BooleanSupplier stop) {
        if (target < now) {
            throw new IllegalArgumentException("cannot move a clock backwards to " + target + " from " + now);
        }
        Task next;
        while ((next = queue.peek()) != null && next.due <= target) {
            queue.poll();
            now = next.due;
            if (next.period > 0) {
                next.due += next.period;
                queue.add(next);
            } else {
                next.cancelled = true;
            }
            next.runnable.run();
            if (stop.getAsBoolean()) {
                return false;
            }
        }
        now = target;
        return true;
    }

    /** How many tasks are waiting (periodic tasks count once). */
    public int pendingTasks() {
        return queue.size();
    }

    /** A scheduled task, to cancel it. */
    public interface Scheduled extends Scheduler.Cancellable {
    }

    private final class Task implements Scheduled {
        private long due;
        private final long period;
        private final long order;
        private final Runnable runnable;
        private boolean cancelled;

        Task(long due, long period, long order, Runnable runnable) {
            this.due = due;
            this.period = period;
            this.order = order;
            this.runnable = runnable;
        }

        static int compare(Task a, Task b) {
            int c = Long.compare(a.due, b.due);
            return c != 0 ? c : Long.compare(a.order, b.order);
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                queue.remove(this);
            }
        }
    }
}
