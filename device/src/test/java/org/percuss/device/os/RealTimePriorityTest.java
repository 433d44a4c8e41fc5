package org.percuss.device.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What {@link RealTimePriority} does to a thread, read back from the kernel's own record of the
 * thread's scheduling policy ({@code /proc/thread-self/stat}). Each case runs on a thread of its
 * own, so the test runner's thread is never left at a real-time priority. Where the system refuses
 * (no CAP_SYS_NICE, no rtprio limit) the refusal is what is checked: the reason in words, and the
 * thread left as it was.
 */
class RealTimePriorityTest {

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;

    @Test
    void priorityIsZeroToNinetyNine() {
        assertThat(new RealTimePriority(0).isRealTime()).isFalse();
        assertThat(new RealTimePriority(99).isRealTime()).isTrue();
        assertThatThrownBy(() -> new RealTimePriority(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a real-time priority is 1..99 (0 for none), got 100");
        assertThatThrownBy(() -> new RealTimePriority(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void normalAsksNothingAndLeavesTheThreadAsItWas() throws Exception {
        onOwnThread(() -> {
            assertThat(RealTimePriority.NORMAL.applyToCurrentThread()).isEmpty();
            assertThat(policy()).isEqualTo(SCHED_OTHER);
        });
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aRaisedThreadIsFifoAtItsPriorityAndTheThreadsItStartsAreNormal() throws Exception {
        onOwnThread(() -> {
            Optional<String> refused = new RealTimePriority(7).applyToCurrentThread();
            if (refused.isPresent()) {
                assertThat(refused.get()).isEqualTo("real-time priority 7 is not permitted (run as root, give java "
                        + "CAP_SYS_NICE, or raise rtprio in /etc/security/limits.conf)");
                assertThat(policy()).isEqualTo(SCHED_OTHER);
                return;
            }
            assertThat(policy()).isEqualTo(SCHED_FIFO);
            assertThat(realTimePriority()).isEqualTo(7);
            AtomicReference<Integer> child = new AtomicReference<>();
            Thread started = Thread.ofPlatform().start(() -> child.set(policy()));
            join(started);
            assertThat(child.get()).as("SCHED_RESET_ON_FORK: a thread it starts is normal").isEqualTo(SCHED_OTHER);

            RealTimePriority.normalizeCurrentThread();
            assertThat(policy()).isEqualTo(SCHED_OTHER);
        });
    }

    /** Runs {@code check} on a fresh platform thread and rethrows what it threw. */
    private static void onOwnThread(Runnable check) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                check.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() instanceof Error e) {
            throw e;
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The calling thread's scheduling policy: field 41 of its stat line. */
    private static int policy() {
        return statField(41);
    }

    /** The calling thread's real-time priority: field 40 of its stat line. */
    private static int realTimePriority() {
        return statField(40);
    }

    /** Field {@code n} (from 1) of /proc/thread-self/stat; the name, field 2, may hold spaces and ends at the last ')'. */
    private static int statField(int n) {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(after[n - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
