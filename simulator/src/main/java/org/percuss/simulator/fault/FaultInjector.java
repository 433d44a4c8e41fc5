package org.percuss.simulator.fault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.percuss.device.api.Input;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.Sensors;

/**
 * Injects and clears the {@link InjectedFault}s of one simulated gun, on its virtual clock: until
 * cleared, or for a duration after which it clears itself. A brown-out is momentary: injecting it
 * resets the board once, for its duration (300 ms unless given).
 */
public final class FaultInjector {

    private static final double OVER_CURRENT_EXTRA_AMPS = 5.0;
    private static final double SAG_FACTOR = 8;
    /**
     * One packet in ten. Five reports lost in a row trip the stale-telemetry rule (100 ms): a run
     * of five starts at a report with probability 0.9 · 0.1⁵ ≈ 10⁻⁵, so at 50 reports a second
     * about one 2-minute session in twenty trips; at 20 % it would be about one trip a minute.
     */
    private static final double LOSS_PROBABILITY = 0.1;
    private static final Duration DELAY = Duration.ofMillis(50);

    private final VirtualClock clock;
    private final Hardware hardware;
    private final LinkImpairment link;
    private final Map<InjectedFault, VirtualClock.Scheduled> timers = new EnumMap<>(InjectedFault.class);
    private final Set<InjectedFault> active = EnumSet.noneOf(InjectedFault.class);

    public FaultInjector(VirtualClock clock, Hardware hardware, LinkImpairment link) {
        this.clock = clock;
        this.hardware = hardware;
        this.link = link;
    }

    /** Injects {@code fault} until {@link #clear} (a brown-out happens once). */
    public void inject(InjectedFault fault) {
        VirtualClock.Scheduled timer = timers.remove(fault);
        if (timer != null) {
            timer.cancel();
        }
        apply(fault, true);
        if (fault != InjectedFault.BROWN_OUT) {
            active.add(fault);
        }
    }

    /**
     * Injects {@code fault} for {@code duration}, then clears it; for a brown-out, the duration is
     * how long the board stays reset.
     */
    public void inject(InjectedFault fault, Duration duration) {
        if (fault == InjectedFault.BROWN_OUT) {
            hardware.reset(duration);
            return;
        }
        inject(fault);
        timers.put(fault, clock.schedule(duration, () -> clear(fault)));
    }

    /** Ends {@code fault}; what it latched on the board stays latched until cleared there. */
    public void clear(InjectedFault fault) {
        VirtualClock.Scheduled timer = timers.remove(fault);
        if (timer != null) {
            timer.cancel();
        }
        if (active.remove(fault)) {
            apply(fault, false);
        }
    }

    /** The faults injected now. */
    public Set<InjectedFault> active() {
        return Set.copyOf(active);
    }

    private void apply(InjectedFault fault, boolean on) {
        GunPlant plant = hardware.plant();
        Sensors sensors = hardware.sensors();
        switch (fault) {
            case STALL -> plant.setBlocked(on);
            case OVER_CURRENT -> plant.setExtraCurrentAmps(on ? OVER_CURRENT_EXTRA_AMPS : 0);
            case THERMAL_RUNAWAY -> plant.setCoolingLost(on);
            case BATTERY_SAG -> plant.setBatterySag(on ? SAG_FACTOR : 1);
            case BROWN_OUT -> {
                if (on) {
                    hardware.reset(Hardware.RESET_TIME);
                }
            }
            case FROZEN_SENSOR -> sensors.setFrozen(on, plant);
            case NOISY_SENSOR -> sensors.setNoisy(on);
            case TACHOMETER_LOSS -> sensors.setTachometerLost(on);
            case EMERGENCY_STOP -> hardware.setInput(Input.EMERGENCY_STOP, on);
            case LINK_DROP -> link.setDropped(on);
            case CORRUPTED_BYTES -> link.setLossProbability(on ? LOSS_PROBABILITY : 0);
            case DELAYED_BYTES -> link.setDelay(on ? DELAY : Duration.ZERO);
        }
    }
}
