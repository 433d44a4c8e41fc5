package org.percuss.device.time;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall-clock {@link Scheduler}: {@link SystemTicker}'s time, and one daemon thread of high
 * priority that runs the tasks (a driver's timeouts and keep-alives are short and must not wait
 * behind anything). A task that throws is logged and, if periodic, keeps its schedule. One of the
 * I/O-edge classes that may own a thread.
 */
final class SystemScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

    static final SystemScheduler INSTANCE = new SystemScheduler();

    private final ScheduledThreadPoolExecutor executor;

    private SystemScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "percuss-scheduler");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanos() {
        return SystemTicker.INSTANCE.nanos();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(guarded(task), initialDelay.toNanos(), period.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a scheduled task failed: {}", e.toString());
            }
        };
    }

    @Override
    public String toString() {
        return "system scheduler";
    }
}
