package org.percuss.controller.cli;

import java.time.Duration;
import org.percuss.controller.loop.TickDriver;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * A device to drive, with the clock it lives on and the driver that ticks the loop on that clock:
 * the simulator on a virtual clock paced to the wall clock, or real hardware on the wall clock.
 *
 * @param device the device, open
 * @param ticker the clock the loop reads
 * @param driver what runs the loop's tick at a fixed rate
 */
record Backend(PercussionDevice device, Ticker ticker, TickDriver driver) implements AutoCloseable {

    /**
     * Opens the device {@code spec} names.
     *
     * @param tickPeriod the control loop's period
     * @param timeScale how much faster than real time a simulation runs (1 for real hardware)
     * @throws DeviceException when the device cannot be opened
     */
    static Backend open(DeviceSpec spec, Duration tickPeriod, double timeScale) {
        return switch (spec.kind()) {
            case SIM -> {
                VirtualClock clock = new VirtualClock();
                yield new Backend(SimulatedGun.create(clock), clock,
                        new SimulatedTimeDriver(clock, tickPeriod, timeScale, Ticker.system()));
            }
            case SERIAL -> throw new DeviceException(spec.label() + ": serial devices are not supported yet");
        };
    }

    @Override
    public void close() {
        device.close();
    }
}
