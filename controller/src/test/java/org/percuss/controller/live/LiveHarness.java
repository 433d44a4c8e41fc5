package org.percuss.controller.live;

import java.time.Duration;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.simulator.board.SimulatedBoard;
import org.percuss.simulator.board.SimulatedDevice;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * A session on the simulated gun with its live controls, ticking on a virtual clock as
 * {@code percuss run} ticks it (before, tick, after). Tests advance the clock; nothing sleeps.
 */
final class LiveHarness {

    final VirtualClock clock = new VirtualClock();
    final SimulatedBoard board;
    final ControlLoop loop;
    final LiveSession session = new LiveSession();
    final LiveControl control = new LiveControl(session);
    private final Duration tick;

    LiveHarness() {
        this(PercussConfig.DEFAULT, 0, null, 0);
    }

    /** A session capped at {@code maxLevel} (a zone's maximum; 0 for none) on {@code zone} with so much left. */
    LiveHarness(PercussConfig config, int maxLevel, String zone, long zoneLeftNanos) {
        SimulatedGun gun = SimulatedGun.create(clock);
        board = ((SimulatedDevice) gun.device()).board();
        loop = ControlLoop.builder(gun.device(), config, clock).maxLevel(maxLevel).listener(session).build();
        session.attach(loop, SessionInfo.of(loop, config, zone), zone, zoneLeftNanos);
        tick = config.tickPeriod();
        clock.scheduleAtFixedRate(Duration.ZERO, tick, () -> {
            session.beforeTick();
            loop.tick();
            session.afterTick();
        });
    }

    LiveHarness run(Duration d) {
        clock.advance(d);
        return this;
    }

    /** Exactly {@code n} more control ticks. */
    LiveHarness ticks(int n) {
        clock.advance(tick.multipliedBy(n));
        return this;
    }

    LiveState state() {
        return session.state();
    }
}
