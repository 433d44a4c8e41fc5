package org.percuss.device.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * A thread's real-time scheduling priority on Linux ({@code SCHED_FIFO}, 1..99), as WPILib's
 * {@code Threads.setCurrentThreadPriority} gives a robot's loop: a thread at a real-time priority
 * runs as soon as it wakes, ahead of every normal thread (the JIT's, the collector's, a browser's
 * requests, other programs), so a 1 kHz loop wakes within tens of microseconds instead of now and
 * then milliseconds late (BENCHMARKS.md: 1 kHz overruns, and {@code cyclictest} on the same
 * machine). {@link #NORMAL} (0) leaves a thread as it is.
 *
 * <p>Only the thread that asks is raised ({@code sched_setscheduler} with pid 0 acts on the calling
 * thread), with {@code SCHED_RESET_ON_FORK}, so the threads it starts are normal again. Raising needs
 * the {@code CAP_SYS_NICE} capability or an {@code rtprio} limit ({@code ulimit -r}, set in
 * {@code /etc/security/limits.conf}); without either, {@link #applyToCurrentThread()} says why and
 * the thread stays as it was. A real-time thread must sleep: one that spins forever would hold its
 * core (Linux's throttling then takes the core from it for 50 ms of every second).
 *
 * @param priority 0 for normal scheduling, 1..99 for {@code SCHED_FIFO} at that priority
 */
public record RealTimePriority(int priority) {

    /** Normal scheduling: nothing is asked of the system. */
    public static final RealTimePriority NORMAL = new RealTimePriority(0);
    /** The highest priority Linux gives {@code SCHED_FIFO}. */
    public static final int MAX = 99;

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    private static final int SCHED_RESET_ON_FORK = 0x40000000;
    private static final int EPERM = 1;

    /** @throws IllegalArgumentException when {@code priority} is not 0..99 */
    public RealTimePriority {
        if (priority < 0 || priority > MAX) {
            throw new IllegalArgumentException("a real-time priority is 1.." + MAX + " (0 for none), got " + priority);
        }
    }

    /** libc's {@code sched_setscheduler}. */
    interface LibC extends Library {
        int sched_setscheduler(int pid, int policy, Pointer param) throws LastErrorException;
    }

    /** Whether a thread is asked to run at a real-time priority. */
    public boolean isRealTime() {
        return priority > 0;
    }

    /**
     * Puts the calling thread at this priority.
     *
     * @return empty when it is done (or nothing was asked); otherwise why the thread stays at normal
     *         priority, in words for the user
     */
    public Optional<String> applyToCurrentThread() {
        if (!isRealTime()) {
            return Optional.empty();
        }
        if (!Platform.isLinux()) {
            return Optional.of("real-time priority is only for Linux");
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            Memory param = new Memory(Integer.BYTES);
            param.setInt(0, priority);
            libc.sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, param);
            return Optional.empty();
        } catch (LastErrorException e) {
            return Optional.of(e.getErrorCode() == EPERM
                    ? "real-time priority " + priority + " is not permitted (run as root, give java CAP_SYS_NICE,"
                            + " or raise rtprio in /etc/security/limits.conf)"
                    : "real-time priority " + priority + " was refused (errno " + e.getErrorCode() + ")");
        } catch (LinkageError | RuntimeException e) {
            return Optional.of("real-time priority needs libc through JNA: " + e.getMessage());
        }
    }

    /**
     * Puts the calling thread back to normal scheduling (always permitted: it only lowers), for a
     * thread that goes on to other work after its loop; a no-op where it could not have been raised.
     */
    public static void normalizeCurrentThread() {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            Memory param = new Memory(Integer.BYTES);
            param.setInt(0, 0);
            Native.load("c", LibC.class).sched_setscheduler(0, SCHED_OTHER, param);
        } catch (LinkageError | RuntimeException e) {
            // it was never raised, or cannot be: normal already
        }
    }
}
