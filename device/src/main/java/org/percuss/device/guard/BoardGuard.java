package org.percuss.device.guard;

import org.percuss.device.api.Fault;

/**
 * What every board percuss implements does behind PROTOCOL.md's "Board behaviour", written once:
 * the fault latch, the conditions still present that keep a clear from succeeding, the refusals of
 * a speed command, and the watchdog on the host. The simulated board and the Raspberry Pi rig each
 * keep one (the C firmware is the third implementation of these rules, held to them by the board
 * conformance suite).
 *
 * <ul>
 *   <li>Speed: 0 stops; a non-zero speed outside [min, max] is refused (OUT_OF_RANGE) and one while
 *       a fault is latched too (FAULT_ACTIVE); a refusal leaves the target as it was.</li>
 *   <li>Faults latch and stop the motor until {@link #clear()} succeeds, which it does not while a
 *       fault condition is present (the condition's fault is latched again then).</li>
 *   <li>Watchdog: armed by the first packet from the host ({@link #hostPacket}), fed by every one;
 *       when none has come for the watchdog period it latches COMM_TIMEOUT and disarms until the
 *       next packet.</li>
 * </ul>
 * Not thread-safe: its owner's lock guards it. Allocates nothing.
 */
public final class BoardGuard {

    private final int minPpm;
    private final int maxPpm;
    private final long watchdogNanos;
    private int latched;
    private int injected;
    private int detected;
    private int target;
    private boolean armed;
    private long lastHostNanos;

    /**
     * @param minPpm the board's slowest speed
     * @param maxPpm its fastest
     * @param watchdogNanos how long the host may be silent
     */
    public BoardGuard(int minPpm, int maxPpm, long watchdogNanos) {
        if (minPpm <= 0 || maxPpm < minPpm || watchdogNanos <= 0) {
            throw new IllegalArgumentException("a board needs 0 < min <= max and a watchdog, got " + minPpm + ".." + maxPpm
                    + " ppm, " + watchdogNanos + " ns");
        }
        this.minPpm = minPpm;
        this.maxPpm = maxPpm;
        this.watchdogNanos = watchdogNanos;
    }

    /** SET_SPEED: the answer, and the new target when accepted. */
    public CommandOutcome setSpeed(int ppm) {
        if (ppm == 0) {
            target = 0;
            return CommandOutcome.ACCEPTED;
        }
        if (ppm < minPpm || ppm > maxPpm) {
            return CommandOutcome.OUT_OF_RANGE;
        }
        if (latched != 0) {
            return CommandOutcome.FAULT_ACTIVE;
        }
        target = ppm;
        return CommandOutcome.ACCEPTED;
    }

    /** STOP. */
    public void stop() {
        target = 0;
    }

    /**
     * CLEAR_FAULTS: clears every latched fault unless a fault condition is present, in which case
     * that condition's fault is latched (again) and the clear refused.
     *
     * @return whether the latch is now empty
     */
    public boolean clear() {
        int present = injected | detected;
        if (present != 0) {
            latch(present);
            return false;
        }
        latched = 0;
        return true;
    }

    /** Latches {@code mask} (FaultSet bits) and stops the motor. */
    public void latch(int mask) {
        latched |= mask;
        target = 0;
    }

    /** A condition made present or absent from outside (an injected fault, an input pin): latched while present. */
    public void setCondition(Fault fault, boolean present) {
        if (present) {
            injected |= fault.mask();
            latch(fault.mask());
        } else {
            injected &= ~fault.mask();
        }
    }

    /** The board's own protections found exactly these conditions now: each present one is latched. */
    public void setDetected(int mask) {
        detected = mask;
        if (mask != 0) {
            latch(mask);
        }
    }

    /** Any valid packet from the host: arms the watchdog on the first, feeds it on every one. */
    public void hostPacket(long nowNanos) {
        lastHostNanos = nowNanos;
        armed = true;
    }

    /**
     * Checks the watchdog at {@code nowNanos}: when armed and the host has been silent for the
     * watchdog period, latches COMM_TIMEOUT and disarms.
     *
     * @return whether it fired now
     */
    public boolean checkWatchdog(long nowNanos) {
        if (armed && nowNanos - lastHostNanos >= watchdogNanos) {
            armed = false;
            latch(Fault.COMM_TIMEOUT.mask());
            return true;
        }
        return false;
    }

    /**
     * A reboot: no target, the watchdog disarmed, nothing latched but the conditions from outside
     * that are still there (an e-stop pin still pressed is seen again at boot).
     */
    public void reset() {
        latched = injected;
        detected = 0;
        target = 0;
        armed = false;
    }

    /** The latched faults, FaultSet bits. */
    public int latched() {
        return latched;
    }

    /** The conditions present now, FaultSet bits. */
    public int present() {
        return injected | detected;
    }

    /** The speed to run at: 0, or an accepted one while nothing is latched. */
    public int target() {
        return target;
    }

    /** Whether the watchdog is armed. */
    public boolean armed() {
        return armed;
    }
}
