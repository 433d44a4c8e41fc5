package org.percuss.simulator.board;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.Capability;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.serial.SerialDevice;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.FaultInjector;
import org.percuss.simulator.fault.Hardware;
import org.percuss.simulator.fault.InjectedFault;
import org.percuss.simulator.fault.LinkImpairment;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;
import org.percuss.simulator.rig.SimulatedRig;

/**
 * A whole simulated massage gun on one virtual clock: the physical {@link GunPlant}, what drives
 * it (the {@link SimulatedBoard}, or a simulated Raspberry Pi rig), the device a controller drives
 * through the chosen {@link Transport}, and a {@link FaultInjector}. Every source of randomness
 * (sensor noise, packet loss, spoiled bytes) comes from one seed, so the same seed and the same
 * script give the same run, bit for bit, on each transport.
 */
public final class SimulatedGun {

    /** The default seed. */
    public static final long DEFAULT_SEED = 1;

    /** The simulated gun's capabilities: every sensor, 1000..3500 ppm, 250 ms watchdog, 20 ms telemetry. */
    public static final Capabilities CAPABILITIES =
            new Capabilities(1000, 3500, EnumSet.allOf(Capability.class), 250, 20);

    /** The longest a serial handshake may take on the simulated wire before the gun counts as broken. */
    private static final Duration HANDSHAKE_BUDGET = Duration.ofSeconds(5);

    private final Transport transport;
    private final SimulatedBoard board;
    private final Hardware hardware;
    private final PercussionDevice device;
    private final LinkImpairment link;
    private final FaultInjector faults;

    private SimulatedGun(VirtualClock clock, PhysicsParameters parameters, long seed, Transport transport,
                         Duration feedInterval) {
        this.transport = transport;
        SplittableRandom root = new SplittableRandom(seed);
        GunPlant plant = new GunPlant(parameters);
        Sensors sensors = new Sensors(root.split());
        RandomGenerator linkRandom = root.split();
        switch (transport) {
            case DIRECT -> {
                board = new SimulatedBoard(clock, CAPABILITIES, plant, sensors);
                SimulatedDevice direct = new SimulatedDevice(board, clock, linkRandom);
                hardware = board;
                device = direct;
                link = direct;
            }
            case SERIAL -> {
                board = new SimulatedBoard(clock, CAPABILITIES, plant, sensors);
                SimulatedWire wire = new SimulatedWire(clock, SimulatedWire.PROTOCOL_BAUD, linkRandom);
                BoardProtocol protocol = new BoardProtocol(board, wire.boardEnd());
                SerialDevice serial = new SerialDevice("serial:simulated", wire.hostEnd(), clock, feedInterval);
                wire.connect(serial::receive, protocol::receive);
                serial.start();
                clock.advanceTo(clock.nanos() + HANDSHAKE_BUDGET.toNanos(), () -> serial.ready().isDone());
                if (!serial.ready().isDone() || serial.ready().isCompletedExceptionally()) {
                    throw new IllegalStateException("the simulated board did not complete the handshake");
                }
                hardware = board;
                device = serial;
                link = wire;
            }
            case GPIO -> {
                board = null;
                SimulatedRig rig = new SimulatedRig(clock, SimulatedRig.rigFor(plant), plant, sensors);
                hardware = rig;
                device = rig.device();
                link = LinkImpairment.NONE;
            }
            default -> throw new IllegalArgumentException("unknown transport " + transport);
        }
        faults = new FaultInjector(clock, hardware, link);
    }

    /** The default gun, powered up now on {@code clock}, reached directly. */
    public static SimulatedGun create(VirtualClock clock) {
        return create(clock, PhysicsParameters.DEFAULT, DEFAULT_SEED);
    }

    /** A gun with these physics and this seed, powered up now on {@code clock}, reached directly. */
    public static SimulatedGun create(VirtualClock clock, PhysicsParameters parameters, long seed) {
        return new SimulatedGun(clock, parameters, seed, Transport.DIRECT, Duration.ofMillis(10));
    }

    /**
     * A gun with these physics and this seed, reached through {@code transport}, for a controller
     * that commands it every {@code feedInterval}; a serial gun has finished its handshake (the
     * clock has advanced through it, a few milliseconds).
     */
    public static SimulatedGun create(VirtualClock clock, PhysicsParameters parameters, long seed, Transport transport,
                                      Duration feedInterval) {
        return new SimulatedGun(clock, parameters, seed, transport, feedInterval);
    }

    /** The gun as a controller drives it. */
    public PercussionDevice device() {
        return device;
    }

    public Transport transport() {
        return transport;
    }

    /**
     * The simulated board behind the device.
     *
     * @throws IllegalStateException on the gpio transport, where the Pi drives the motor itself
     */
    public SimulatedBoard board() {
        if (board == null) {
            throw new IllegalStateException("a rig has no board: the Pi drives the motor itself");
        }
        return board;
    }

    /** What faults and inputs act on: the board, or the rig. */
    public Hardware hardware() {
        return hardware;
    }

    /** The link between the controller and the board, to impair (nothing to impair on a rig). */
    public LinkImpairment link() {
        return link;
    }

    public GunPlant plant() {
        return hardware.plant();
    }

    /**
     * The injected faults this gun cannot suffer through its transport, with the reason: a rig has
     * no board to reset, no link to impair, and no board behind it to catch a frozen sensor (it
     * faults a stuck one itself).
     */
    public Map<InjectedFault, String> cannotInject() {
        if (transport != Transport.GPIO) {
            return Map.of();
        }
        Map<InjectedFault, String> no = new EnumMap<>(InjectedFault.class);
        no.put(InjectedFault.BROWN_OUT, "no board to reset: the Pi is the host");
        // A rig's INA219 that stops converting is a stuck reading, a fault within a second
        // (GpioSensorsTest); what such a scenario shows, a board's own protection behind the host's,
        // a rig does not have.
        no.put(InjectedFault.FROZEN_SENSOR, "a rig has no board-side backstop, and faults a stuck sensor itself");
        for (InjectedFault f : InjectedFault.values()) {
            if (f.onLink()) {
                no.put(f, "no link: the Pi drives the motor itself");
            }
        }
        return no;
    }

    public FaultInjector faults() {
        return faults;
    }
}
