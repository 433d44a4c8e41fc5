package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.percuss.device.os.RealTimePriority;

/**
 * The real-time priority a session's thread takes covers its loop and nothing after: the session's
 * end (ledger, files, summary, STOP) runs at normal priority, so its cold code cannot hold a core
 * from the serial port's kernel work. Read back from the kernel ({@code /proc/thread-self/stat}) on
 * a thread of the test's own; where the system refuses real-time priority, the refusal is checked.
 */
class BackendTest {

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;

    @Test
    @EnabledOnOs(OS.LINUX)
    void theLoopRunsAtItsPriorityAndTheThreadIsNormalAgainWhenItEnds() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                check();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    private static void check() {
        RealTimePriority asked = new RealTimePriority(3);
        Optional<String> refused = asked.applyToCurrentThread();
        RealTimePriority taken = refused.isPresent() ? RealTimePriority.NORMAL : asked;
        refused.ifPresent(why -> assertThat(why).startsWith("real-time priority 3 is not permitted"));
        int during = taken.isRealTime() ? SCHED_FIFO : SCHED_OTHER;
        List<Integer> inTicks = new ArrayList<>();
        try (Backend backend = Backend.open(DeviceSpec.SIM, Duration.ofMillis(10), 1000, null, taken)) {
            backend.runLoop(() -> inTicks.add(SchedulingPolicy.ofThisThread()), () -> inTicks.size() == 3);
            assertThat(inTicks).as("each tick, at the priority taken").containsExactly(during, during, during);
            assertThat(SchedulingPolicy.ofThisThread()).as("after the loop, before the backend closes")
                    .isEqualTo(SCHED_OTHER);
        }
    }
}
