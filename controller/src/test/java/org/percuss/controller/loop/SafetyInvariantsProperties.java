package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.scenario.Samples;
import org.percuss.controller.session.SessionTimer;
import org.percuss.device.api.Input;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.InjectedFault;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.scenario.InvariantChecker;
import org.percuss.simulator.scenario.Invariants;

/**
 * DESIGN.md's safety rules as properties: over random sessions and random sequences of what users,
 * the wiring and a failing gun can do (start, pause, levels, buttons, the e-stop, clearing faults,
 * pressure, holding still, every injectable fault, and time passing), against the real control
 * loop and the simulated gun, every tick keeps every invariant of the one {@link InvariantChecker}.
 */
class SafetyInvariantsProperties {

    /** One thing that happens. */
    sealed interface Act {
    }

    record Start() implements Act {
    }

    record Pause() implements Act {
    }

    record Level(int level) implements Act {
    }

    record EmergencyStop() implements Act {
    }

    record Clear() implements Act {
    }

    record Press(Input button) implements Act {
    }

    record Pressure(double newtons) implements Act {
    }

    record Moving(boolean moving) implements Act {
    }

    record Inject(InjectedFault fault, int millis) implements Act {
    }

    record Uninject(InjectedFault fault) implements Act {
    }

    record Wait(int millis) implements Act {
    }

    /** The session: its level, limits, warm-up, ramp, and the zone's maximum and budget left (0: none). */
    record Setup(int level, int limitSeconds, int warmupSeconds, int ramp, int zoneMaxLevel, int zoneLeftSeconds, long seed) {
    }

    @Provide
    Arbitrary<Setup> setups() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 90),
                Arbitraries.integers().between(0, 15), Arbitraries.integers().between(10, 1000),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 90), Arbitraries.longs())
                .as(Setup::new);
    }

    @Provide
    Arbitrary<List<Act>> scripts() {
        Arbitrary<Act> act = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Start())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Pause())),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 6).map(Level::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new EmergencyStop())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Clear())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Input.POWER_BUTTON, Input.PLUS_BUTTON, Input.MINUS_BUTTON).map(Press::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0, 60).map(Pressure::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(true, false).map(Moving::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(InjectedFault.class),
                        Arbitraries.integers().between(0, 3000)).as(Inject::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(InjectedFault.class).map(Uninject::new)),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(10, 20_000)
                        .withDistribution(RandomDistribution.biased()).map(Wait::new)));
        return act.list().ofMaxSize(24);
    }

    @Property(tries = 10_000)
    void everyTickKeepsTheSafetyInvariants(@ForAll("setups") Setup setup, @ForAll("scripts") List<Act> script) {
        check(setup, script);
    }

    /**
     * Found by the property (try 5166): a brown-out, start and clear while the restart is latched,
     * then a second brown-out; on the tick the board came back from the second reset the loop
     * commanded 1200 ppm.
     */
    @Example
    void aSecondBrownOutWhileAClearAndStartAreUnderWay() {
        check(new Setup(1, 1, 0, 10, 0, 0, 0), List.of(new Wait(10), new Wait(10), new Inject(InjectedFault.BROWN_OUT, 0),
                new Wait(310), new Start(), new Clear(), new Wait(10), new Inject(InjectedFault.BROWN_OUT, 0)));
    }

    private static void check(Setup setup, List<Act> script) {
        VirtualClock clock = new VirtualClock();
        SimulatedGun gun = SimulatedGun.create(clock, PhysicsParameters.DEFAULT, setup.seed());
        PercussConfig config = PercussConfig.DEFAULT.withSessionLimit(Duration.ofSeconds(setup.limitSeconds()))
                .withWarmup(Duration.ofSeconds(setup.warmupSeconds())).withRamp(setup.ramp());
        boolean zone = setup.zoneLeftSeconds() > 0;
        SessionTimer timer = zone
                ? new SessionTimer(config.sessionLimit().toNanos(), Duration.ofSeconds(setup.zoneLeftSeconds()).toNanos(),
                        "zone", config.sessionWarning().toNanos())
                : new SessionTimer(config.sessionLimit().toNanos(), config.sessionWarning().toNanos());
        int maxLevel = zone ? setup.zoneMaxLevel() : 0;
        ControlLoop loop = ControlLoop.builder(gun.device(), config, clock).timer(timer).maxLevel(maxLevel).build();
        loop.selectLevel(Math.min(setup.level(), loop.bounds().lastLevel()));
        InvariantChecker probe = new InvariantChecker(new Invariants(loop.bounds().highestPpm(), setup.ramp(),
                loop.bounds().lowestPpm(), true, timer.limitNanos(), 10_000_000L, setup.warmupSeconds() > 0));
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            loop.tick();
            probe.sample(Samples.of(loop, clock.nanos()));
        });
        loop.start();
        for (Act act : script) {
            switch (act) {
                case Start s -> loop.start();
                case Pause p -> loop.pause();
                case Level l -> {
                    if (loop.bounds().usable(l.level())) {
                        loop.selectLevel(l.level());
                    } else {
                        try {
                            loop.selectLevel(l.level());
                            throw new AssertionError("level " + l.level() + " outside the bounds was accepted");
                        } catch (IllegalArgumentException refused) {
                            // as it should be
                        }
                    }
                }
                case EmergencyStop e -> {
                    loop.emergencyStop();
                    probe.emergencyStopRequested();
                }
                case Clear c -> loop.clearFaults();
                case Press p -> {
                    gun.board().setInput(p.button(), true);
                    clock.schedule(Duration.ofMillis(100), () -> gun.board().setInput(p.button(), false));
                }
                case Pressure p -> gun.plant().setPressure(p.newtons());
                case Moving m -> gun.board().setInput(Input.MOTION, m.moving());
                case Inject i -> {
                    if (i.millis() == 0) {
                        gun.faults().inject(i.fault());
                    } else {
                        gun.faults().inject(i.fault(), Duration.ofMillis(i.millis()));
                    }
                }
                case Uninject u -> gun.faults().clear(u.fault());
                case Wait w -> clock.advance(Duration.ofMillis(w.millis()));
            }
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(probe.firstViolation()).as("%s, %s", setup, script).isNull();
        assertThat(loop.ticks()).isPositive();
    }
}
