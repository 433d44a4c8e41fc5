package org.percuss.simulator.board;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.guard.CommandOutcome;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.LinkImpairment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SimulatedBoard} seen through the device API, in the same process: what
 * {@code percuss run --device sim} drives. Between the two sits a model of the link: every command
 * feeds the board's watchdog as a packet would, and the link can be cut, lose packets or delay
 * them ({@link LinkImpairment}), so link faults look to the controller as they would on a wire:
 * commands that do not arrive, telemetry that stops or comes late.
 */
public final class SimulatedDevice implements PercussionDevice, LinkImpairment {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);

    private final SimulatedBoard board;
    private final VirtualClock clock;
    private final RandomGenerator random;
    /** How long a clear waits for an answer before it counts as none (as {@code SerialDevice} does). */
    static final Duration CLEAR_TIMEOUT = Duration.ofMillis(500);

    private Telemetry delivered;
    private ClearStatus clearStatus = ClearStatus.NONE;
    private boolean clearAnswered;
    private long clearNanos;
    private VirtualClock.Scheduled noAnswer;
    private boolean closed;
    private boolean dropped;
    private double lossProbability;
    private long delayNanos;

    /**
     * @param board the board
     * @param clock the board's clock, for delayed delivery
     * @param random the seeded source of packet losses
     */
    public SimulatedDevice(SimulatedBoard board, VirtualClock clock, RandomGenerator random) {
        this.board = board;
        this.clock = clock;
        this.random = random;
        this.delivered = board.telemetry();
        board.onTelemetry(this::arrive);
    }

    /** The board behind this device, for tests and scenarios to inject faults and inputs. */
    public SimulatedBoard board() {
        return board;
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public Capabilities capabilities() {
        return board.capabilities();
    }

    @Override
    public int commandSpeed(int targetPpm) {
        requireOpen();
        if (lost()) {
            return targetPpm; // sent, and lost on the way
        }
        if (delayNanos > 0) {
            clock.schedule(Duration.ofNanos(delayNanos), () -> deliver(targetPpm));
        } else {
            deliver(targetPpm);
        }
        return targetPpm;
    }

    private void deliver(int targetPpm) {
        if (board.poweredDown()) {
            return; // a resetting board hears nothing
        }
        board.hostPacketReceived();
        if (board.setSpeed(targetPpm) == CommandOutcome.OUT_OF_RANGE) {
            LOG.warn("simulated board refused {} ppm: outside its range", targetPpm);
        }
    }

    private void arrive(Telemetry t) {
        if (lost()) {
            return;
        }
        if (delayNanos > 0) {
            // it was measured then; the host receives it now
            clock.schedule(Duration.ofNanos(delayNanos), () -> take(restamp(t), t.receivedNanos()));
        } else {
            take(t, t.receivedNanos());
        }
    }

    private void take(Telemetry t, long measuredNanos) {
        delivered = t;
        if (clearStatus == ClearStatus.PENDING && clearAnswered && measuredNanos > clearNanos) {
            clearStatus = ClearStatus.CLEARED; // the report in hand no longer shows what was cleared
        }
    }

    private Telemetry restamp(Telemetry t) {
        return new Telemetry(clock.nanos(), t.measuredPpm(), t.currentAmps(), t.temperatureCelsius(), t.supplyVolts(),
                t.inputs(), t.faults(), t.uptimeMillis());
    }

    private boolean lost() {
        return dropped || (lossProbability > 0 && random.nextDouble() < lossProbability);
    }

    @Override
    public void stop() {
        if (!dropped && !board.poweredDown()) {
            board.stop();
        }
    }

    @Override
    public Telemetry telemetry() {
        return delivered;
    }

    /**
     * CLEAR_FAULTS as a packet would carry it: a lost packet, or a board resetting, is no answer
     * after {@link #CLEAR_TIMEOUT}; a refusal is known at once; a clear becomes CLEARED when a report
     * the board measured after it has reached the host (a report still in flight shows the old
     * faults, as on a wire).
     */
    @Override
    public void requestClearFaults() {
        requireOpen();
        if (noAnswer != null) {
            noAnswer.cancel();
            noAnswer = null;
        }
        clearStatus = ClearStatus.PENDING;
        clearAnswered = false;
        clearNanos = clock.nanos();
        if (lost() || board.poweredDown()) {
            noAnswer = clock.schedule(CLEAR_TIMEOUT, () -> clearStatus = ClearStatus.NO_ANSWER);
            return;
        }
        board.hostPacketReceived();
        if (board.clearFaults()) {
            clearAnswered = true;
        } else {
            clearStatus = ClearStatus.REFUSED;
        }
    }

    @Override
    public ClearStatus clearStatus() {
        return clearStatus;
    }

    @Override
    public void close() {
        stop();
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new DeviceException("the simulated device is closed");
        }
    }

    @Override
    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    @Override
    public void setLossProbability(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("a probability must be 0..1, got " + probability);
        }
        lossProbability = probability;
    }

    @Override
    public void setDelay(Duration delay) {
        delayNanos = delay.toNanos();
    }
}
