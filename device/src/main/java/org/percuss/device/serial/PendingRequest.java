package org.percuss.device.serial;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.percuss.device.protocol.PacketType;
import org.percuss.device.time.Scheduler;

/**
 * A command sent to the board that awaits its ACK or NACK across ticks, resent every
 * {@code retry} until {@code timeout} (line noise may eat a frame or its answer, and every command
 * this class carries — CLEAR_FAULTS, STOP — is idempotent). An answer to any of the copies
 * answers it; the deadline may still wait for what must follow the answer. Nothing waits: the scheduler calls {@link #resendOrGiveUp} and the reader calls
 * {@link #answers}. Guarded by the owner's lock.
 */
final class PendingRequest {

    /** The most copies of one request: {@code timeout / retry} is kept under this. */
    private static final int MAX_COPIES = 16;

    private final PacketType type;
    private final long deadlineNanos;
    private final int[] seqs = new int[MAX_COPIES];
    private int copies;
    private boolean acknowledged;
    private Scheduler.Cancellable timer;

    private PendingRequest(PacketType type, long deadlineNanos) {
        this.type = type;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Sends the first copy with {@code send} (which returns the copy's sequence number) and
     * schedules the resends; {@code onTimer} is called on each, under the owner's lock.
     */
    static PendingRequest start(PacketType type, Duration retry, Duration timeout, Scheduler scheduler,
                                IntSupplier send, Runnable onTimer) {
        if (timeout.compareTo(retry.multipliedBy(MAX_COPIES - 1)) > 0) {
            throw new IllegalArgumentException("too many copies: retry " + retry + " within " + timeout);
        }
        PendingRequest r = new PendingRequest(type, scheduler.nanos() + timeout.toNanos());
        r.sent(send.getAsInt());
        r.timer = scheduler.scheduleAtFixedRate(retry, retry, onTimer);
        return r;
    }

    /** The command. */
    PacketType type() {
        return type;
    }

    /** Whether an ACK or NACK of {@code ackedSeq} answers this request. */
    boolean answers(int ackedSeq) {
        for (int i = 0; i < copies; i++) {
            if (seqs[i] == ackedSeq) {
                return true;
            }
        }
        return false;
    }

    /**
     * On a timer: sends another copy, or, once the deadline has passed, gives up.
     *
     * @return whether the request has timed out (the timer is cancelled then)
     */
    boolean resendOrGiveUp(long nowNanos, IntSupplier send) {
        if (nowNanos - deadlineNanos >= 0 || copies == MAX_COPIES) {
            cancel();
            return true;
        }
        if (!acknowledged) {
            sent(send.getAsInt());
        }
        return false;
    }

    /** The board answered; no more copies, but the deadline still holds for what must follow (a report). */
    void acknowledge() {
        acknowledged = true;
    }

    /** Whether the board has answered. */
    boolean acknowledged() {
        return acknowledged;
    }

    private void sent(int seq) {
        seqs[copies++] = seq;
    }

    /** Stops the resends. */
    void cancel() {
        if (timer != null) {
            timer.cancel();
        }
    }
}
