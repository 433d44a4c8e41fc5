package org.percuss.simulator.clock;

import java.time.Duration;
import java.util.Arrays;
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

    // A binary min-heap of tasks by (due, order), by hand rather than a PriorityQueue: the physics
    // step alone is popped and put back 900,000 times in a simulated 15 minutes, and a periodic task
    // is moved down from the top in one pass instead of a poll and an add, with the comparison
    // inlined. The order of tasks is the same: due time, then the order first scheduled.
    private Task[] heap = new Task[64];
    private int size;
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
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, task);
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
        while (size > 0 && (next = heap[0]).due <= target) {
            now = next.due;
            if (next.period > 0) {
                next.due += next.period;
                siftDown(0, next); // still at the top: moved down to where its new time belongs
            } else {
                next.cancelled = true;
                removeAt(0);
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
        return size;
    }

    private static boolean before(Task a, Task b) {
        return a.due < b.due || (a.due == b.due && a.order < b.order);
    }

    /** Puts {@code task} at {@code i} or above, moving the tasks it comes before down. */
    private void siftUp(int i, Task task) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Task p = heap[parent];
            if (!before(task, p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = task;
        task.index = i;
    }

    /** Puts {@code task} at {@code i} or below, moving the tasks that come before it up. */
    private void siftDown(int i, Task task) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Task c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[right];
            }
            if (!before(c, task)) {
                break;
            }
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = task;
        task.index = i;
    }

    private void removeAt(int i) {
        Task removed = heap[i];
        removed.index = -1;
        Task last = heap[--size];
        heap[size] = null;
        if (i < size) {
            siftDown(i, last);
            if (heap[i] == last) {
                siftUp(i, last);
            }
        }
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
        private int index = -1;

        Task(long due, long period, long order, Runnable runnable) {
            this.due = due;
            this.period = period;
            this.order = order;
            this.runnable = runnable;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                if (index >= 0) {
                    removeAt(index);
                }
            }
        }
    }
}
