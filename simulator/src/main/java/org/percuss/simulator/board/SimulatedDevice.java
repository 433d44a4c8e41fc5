package org.percuss.simulator.board;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
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
    private Telemetry delivered;
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
    public void commandSpeed(int targetPpm) {
        requireOpen();
        if (lost()) {
            return;
        }
        if (delayNanos > 0) {
            clock.schedule(Duration.ofNanos(delayNanos), () -> deliver(targetPpm));
        } else {
            deliver(targetPpm);
        }
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
            clock.schedule(Duration.ofNanos(delayNanos), () -> delivered = restamp(t));
        } else {
            delivered = t;
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

    @Override
    public boolean clearFaults() {
        requireOpen();
        if (lost() || board.poweredDown()) {
            return false; // no answer
        }
        board.hostPacketReceived();
        return board.clearFaults();
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
