package org.percuss.controller.loop;

import java.util.function.LongConsumer;
import org.percuss.device.time.Ticker;

/**
 * How the {@link RealTimeDriver}'s thread waits for the next tick's deadline: the trade between
 * how late a tick starts and how much CPU the wait burns.
 *
 * <ul>
 *   <li>{@link #PARK}: {@code LockSupport.parkNanos} until the deadline. No CPU while waiting, but
 *       the wake-up comes late by the kernel's timer slack (50 µs by default on Linux, for a thread
 *       of normal priority) plus the scheduler's wake-up latency, tens of µs on an idle machine and
 *       milliseconds on a loaded one.</li>
 *   <li>{@link #PARK_SPIN}: park until {@link #SPIN_MARGIN_NANOS} before the deadline, then spin
 *       ({@code Thread.onSpinWait}) to it. The park's lateness is absorbed by the margin, so on a
 *       machine with a core to spare the tick starts within a clock reading of its deadline. It
 *       costs the margin, less the wake-up's lateness, of one core's time each period: at most
 *       200 µs a tick, 2 % of a core at 100 Hz and up to 20 % at 1 kHz.</li>
 *   <li>{@link #SPIN}: spin the whole period: the lowest jitter on a dedicated core, and a whole
 *       core burnt; on a machine whose cores are shared (a Pi's four, or two cores with other work)
 *       it takes that core from everyone else. For measurement, not for a session.</li>
 * </ul>
 * The wait allocates nothing; it ends early, with the thread's interrupt flag set, when the thread
 * is interrupted.
 */
public enum LoopSleep {
    /** Park until the deadline. */
    PARK,
    /** Park until {@link #SPIN_MARGIN_NANOS} before the deadline, then spin to it. */
    PARK_SPIN,
    /** Spin until the deadline. */
    SPIN;

    /**
     * How long before the deadline {@link #PARK_SPIN} stops parking: 200 µs. Derivation: a park
     * wakes late by the timer slack (50 µs) plus the wake-up latency, about 20–60 µs at the 99th
     * percentile on an idle 2-core virtual machine (measured with {@code percuss bench-loop --sleep
     * park}); 200 µs covers both with room for a busier machine, and costs at most 20 % of a core at
     * 1 kHz. A wake-up later than the margin makes the tick late by the rest, as with {@link #PARK}.
     */
    public static final long SPIN_MARGIN_NANOS = 200_000L;

    /** The strategy {@code percuss run} uses on real hardware: see BENCHMARKS.md for why. */
    public static final LoopSleep DEFAULT = PARK_SPIN;

    /** Its name on a command line: {@code park}, {@code park-spin}, {@code spin}. */
    public String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * Waits until {@code ticker} reads at least {@code deadline}, parking with {@code park} (which
     * takes nanoseconds, as {@code LockSupport.parkNanos} does).
     *
     * @return the first reading at or after the deadline, or the latest reading when the thread was
     *         interrupted (its flag is left set for the caller to see)
     */
    long await(Ticker ticker, long deadline, LongConsumer park) {
        long now = ticker.nanos();
        long parkUntil = switch (this) {
            case PARK -> deadline;
            case PARK_SPIN -> deadline - SPIN_MARGIN_NANOS;
            case SPIN -> now; // no park
        };
        long wait;
        while ((wait = parkUntil - now) > 0) {
            park.accept(wait);
            if (Thread.currentThread().isInterrupted()) {
                return now;
            }
            now = ticker.nanos();
        }
        while (deadline - now > 0) {
            Thread.onSpinWait();
            if (Thread.currentThread().isInterrupted()) {
                return now;
            }
            now = ticker.nanos();
        }
        return now;
    }
}
