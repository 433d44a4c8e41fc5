package org.percuss.device.time;

import java.time.Duration;

/**
 * A clock that can also run tasks later: the one time source a driver takes in its constructor,
 * in the manner of gRPC's FakeClock (a ticker and a scheduled executor as one pair). Timeouts,
 * keep-alives, watchdogs and samplers are scheduled on it, never on a thread of their own, so the
 * same driver runs on the wall clock ({@link #system()}) and, in tests and simulations, on the
 * simulator's virtual clock, where a task runs when time is advanced past it.
 *
 * <p>Tasks run one at a time, in time order. A task must not block.
 */
public interface Scheduler extends Ticker {

    /** Runs {@code task} once, {@code delay} from now. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time {@code initialDelay} from now. */
    Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /** A scheduled task, to cancel it. */
    interface Cancellable {
        /** Stops the task from running again; harmless when it already has or was cancelled. */
        void cancel();
    }

    /** The wall clock, with one daemon thread that runs the tasks. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
