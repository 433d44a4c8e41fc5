package org.percuss.simulator.board;

import java.util.EnumSet;
import java.util.SplittableRandom;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.FaultInjector;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;

/**
 * A whole simulated massage gun on one virtual clock: the physical {@link GunPlant}, the
 * {@link SimulatedBoard} driving it through its sensors, the {@link SimulatedDevice} a controller
 * drives, and a {@link FaultInjector}. Every source of randomness (sensor noise, packet loss) comes
 * from one seed, so the same seed and the same script give the same run, bit for bit.
 */
public final class SimulatedGun {

    /** The default seed. */
    public static final long DEFAULT_SEED = 1;

    /** The simulated gun's capabilities: every sensor, 1000..3500 ppm, 250 ms watchdog, 20 ms telemetry. */
    public static final Capabilities CAPABILITIES =
            new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);

    private final SimulatedBoard board;
    private final SimulatedDevice device;
    private final FaultInjector faults;

    private SimulatedGun(VirtualClock clock, PhysicsParameters parameters, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        GunPlant plant = new GunPlant(parameters);
        board = new SimulatedBoard(clock, CAPABILITIES, plant, new Sensors(root.split()));
        device = new SimulatedDevice(board, clock, root.split());
        faults = new FaultInjector(clock, board, device);
    }

    /** The default gun, powered up now on {@code clock}. */
    public static SimulatedGun create(VirtualClock clock) {
        return create(clock, PhysicsParameters.DEFAULT, DEFAULT_SEED);
    }

    /** A gun with these physics and this seed, powered up now on {@code clock}. */
    public static SimulatedGun create(VirtualClock clock, PhysicsParameters parameters, long seed) {
        return new SimulatedGun(clock, parameters, seed);
    }

    /** The gun as a controller drives it. */
    public SimulatedDevice device() {
        return device;
    }

    public SimulatedBoard board() {
        return board;
    }

    public GunPlant plant() {
        return board.plant();
    }

    public FaultInjector faults() {
        return faults;
    }
}
