package org.percuss.simulator.board;

import org.percuss.device.api.Capabilities;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SimulatedBoard} seen through the device API, in the same process: what
 * {@code percuss run --device sim} drives. Every command feeds the board's watchdog, as a packet
 * on a real link would.
 */
public final class SimulatedDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);

    private final SimulatedBoard board;
    private boolean closed;

    public SimulatedDevice(SimulatedBoard board) {
        this.board = board;
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
        board.hostPacketReceived();
        CommandOutcome outcome = board.setSpeed(targetPpm);
        if (outcome == CommandOutcome.OUT_OF_RANGE) {
            LOG.warn("simulated board refused {} ppm: outside its range", targetPpm);
        }
    }

    @Override
    public void stop() {
        board.stop();
    }

    @Override
    public Telemetry telemetry() {
        return board.telemetry();
    }

    @Override
    public boolean clearFaults() {
        requireOpen();
        board.hostPacketReceived();
        return board.clearFaults();
    }

    @Override
    public void close() {
        board.stop();
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new DeviceException("the simulated device is closed");
        }
    }
}
