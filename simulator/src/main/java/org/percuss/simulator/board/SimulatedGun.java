package org.percuss.simulator.board;

import java.util.EnumSet;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.FirstOrderMotor;

/**
 * The default simulated massage gun: a board with every sensor, a 1000..3500 ppm range, a 250 ms
 * watchdog and 20 ms telemetry (the protocol's defaults), wired to a motor model on one clock.
 */
public final class SimulatedGun {

    /** The simulated gun's capabilities. */
    public static final Capabilities CAPABILITIES =
            new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);

    private SimulatedGun() {
    }

    /** A powered-up gun on {@code clock}, as a device ready to be driven. */
    public static SimulatedDevice create(VirtualClock clock) {
        return new SimulatedDevice(new SimulatedBoard(clock, CAPABILITIES, new FirstOrderMotor()));
    }
}
