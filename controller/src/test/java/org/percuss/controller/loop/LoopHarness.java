package org.percuss.controller.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedDevice;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.clock.VirtualClock;

/**
 * A control loop on the simulated gun, ticking at its fixed rate on a virtual clock, recording
 * what every tick commanded. Tests advance the clock; nothing sleeps.
 */
final class LoopHarness {

    final VirtualClock clock = new VirtualClock();
    final SimulatedGun gun;
    final SimulatedDevice device;
    final SimulatedBoard board;
    final List<String> events = new ArrayList<>();
    final ControlLoop loop;
    final List<Sample> samples = new ArrayList<>();
    private final VirtualClock.Scheduled ticking;

    /** One tick as it happened. */
    record Sample(long nanos, LoopState state, int commandedPpm, int targetPpm) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    LoopHarness() {
        this(PercussConfig.DEFAULT);
    }

    LoopHarness(PercussConfig config) {
        this(config, PhysicsParameters.DEFAULT);
    }

    LoopHarness(PercussConfig config, PhysicsParameters physics) {
        gun = SimulatedGun.create(clock, physics, SimulatedGun.DEFAULT_SEED);
        device = (SimulatedDevice) gun.device();
        board = device.board();
        loop = ControlLoop.builder(device, config, clock).listener(new LoopListener() {
            @Override
            public void stateChanged(LoopState from, LoopState to, String why) {
                events.add(to + (why.isEmpty() ? "" : ": " + why));
            }

            @Override
            public void warning(String message) {
                events.add("warning: " + message);
            }
        }).build();
        ticking = clock.scheduleAtFixedRate(Duration.ZERO, config.tickPeriod(), () -> {
            loop.tick();
            samples.add(new Sample(clock.nanos(), loop.state(), loop.commandedPpm(), loop.targetPpm()));
        });
    }

    /** The host hangs: the loop stops ticking, the simulated board goes on. */
    void hang() {
        ticking.cancel();
    }

    LoopHarness run(Duration d) {
        clock.advance(d);
        return this;
    }

    Sample last() {
        return samples.get(samples.size() - 1);
    }

    /** The first tick that commanded a speed, at or after {@code fromNanos}. */
    Sample firstNonZeroFrom(long fromNanos) {
        return samples.stream().filter(s -> s.nanos() >= fromNanos && s.commandedPpm() > 0).findFirst().orElseThrow();
    }

    /** The largest rise of the command between two consecutive ticks. */
    int worstTickIncreasePpm() {
        int worst = 0;
        for (int i = 1; i < samples.size(); i++) {
            worst = Math.max(worst, samples.get(i).commandedPpm() - samples.get(i - 1).commandedPpm());
        }
        return worst;
    }

    /** The most any tick raised the command above the exact ramp from any earlier tick. */
    double worstRampExcessPpm(int rampPpmPerSecond) {
        // Increase over any window [i, j] minus what the ramp allows in it, checked in O(n) as the
        // running minimum of (cmd - rate·t) over ticks since the last stop.
        double worst = Double.NEGATIVE_INFINITY;
        double minBase = Double.POSITIVE_INFINITY;
        for (Sample s : samples) {
            if (s.commandedPpm() == 0) {
                minBase = Double.POSITIVE_INFINITY;
                continue;
            }
            double base = s.commandedPpm() - rampPpmPerSecond * s.seconds();
            worst = Math.max(worst, base - minBase);
            minBase = Math.min(minBase, base);
        }
        return worst;
    }
}
