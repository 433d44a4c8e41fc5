package org.percuss.controller.loop;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What users ask of the control loop (start, pause, a level, the emergency stop, a clear, the end),
 * from any thread — a key, a signal handler, a button thread, a web request — collected until the
 * next tick takes them all at once. Lock-free; taking allocates nothing.
 */
final class LoopRequests {

    static final int START = Request.START.mask();
    static final int PAUSE = Request.PAUSE.mask();
    static final int EMERGENCY_STOP = Request.EMERGENCY_STOP.mask();
    static final int CLEAR = Request.CLEAR.mask();
    static final int FINISH = Request.FINISH.mask();
    static final int LEVEL = Request.LEVEL.mask();

    private final AtomicInteger pending = new AtomicInteger();
    private volatile int level;
    private volatile StopReason finish = StopReason.INTERRUPTED;

    void add(int bit) {
        pending.getAndUpdate(r -> r | bit);
    }

    void level(int wanted) {
        level = wanted;
        add(LEVEL);
    }

    void finish(StopReason reason) {
        finish = reason;
        add(FINISH);
    }

    /** Everything asked since the last take, as bits; the level and the finish reason stay readable. */
    int take() {
        return pending.getAndSet(0);
    }

    int level() {
        return level;
    }

    StopReason finishReason() {
        return finish;
    }

    static boolean has(int requests, int bit) {
        return (requests & bit) != 0;
    }
}
