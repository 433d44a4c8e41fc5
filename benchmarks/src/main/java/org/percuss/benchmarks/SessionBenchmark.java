package org.percuss.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.scenario.ScenarioRunner;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.scenario.Outcome;
import org.percuss.simulator.scenario.Scenario;

/**
 * A whole 15-minute session in simulation, warm (issue 4's target: 1 s, later 0.3 s), one session
 * per invocation, single-shot time.
 *
 * <ul>
 *   <li>{@link #fifteenMinuteSessionAtLevelThree}: the control loop at 100 Hz on the default
 *       simulated gun (direct transport: DC motor, contact load, thermal model, battery, PI
 *       regulator and board at 1 kHz, telemetry every 20 ms with seeded sensor noise), level 3,
 *       until the 15-minute limit ends it: 90,000 control ticks, 900,000 physics steps. (The same
 *       session as the controller's former {@code SessionSimulationBenchmark}, whose figure
 *       BENCHMARKS.md keeps.)</li>
 *   <li>{@link #exampleScenario}: {@code examples/scenarios/fifteen-minute-session.yaml} as one
 *       session of a campaign runs it ({@code ScenarioRunner.runInCampaign}): the same session plus
 *       its scenario's 10 s after the end, every expectation and invariant checked on every tick;
 *       fails if one does not pass.</li>
 * </ul>
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar SessionBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(2)
public class SessionBenchmark {

    /** The example scenario, read once. */
    @State(Scope.Benchmark)
    public static class Example {
        Scenario scenario;

        @Setup(Level.Trial)
        public void setUp() {
            scenario = ExampleScenario.fifteenMinuteSession();
        }
    }

    /** One full session; returns the running time so nothing is optimised away. */
    @Benchmark
    public long fifteenMinuteSessionAtLevelThree() {
        VirtualClock clock = new VirtualClock();
        SimulatedGun gun = SimulatedGun.create(clock);
        ControlLoop loop = ControlLoop.builder(gun.device(), PercussConfig.DEFAULT, clock).build();
        loop.selectLevel(3);
        loop.start();
        boolean[] done = {false};
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            loop.tick();
            done[0] = loop.stopped();
        });
        clock.advanceTo(Duration.ofMinutes(16).toNanos(), () -> done[0]);
        if (loop.runningNanos() < Duration.ofMinutes(15).toNanos()) {
            throw new IllegalStateException("the session ended early: " + loop.stopMessage());
        }
        return loop.runningNanos();
    }

    /** The example scenario as a campaign's session; returns the simulated time. */
    @Benchmark
    public long exampleScenario(Example e) {
        ScenarioRunner.Result r = ScenarioRunner.runInCampaign(e.scenario, PercussConfig.DEFAULT, s -> { });
        for (Outcome o : r.outcomes()) {
            if (o.applicable() && !o.passed()) {
                throw new IllegalStateException("the example scenario failed: " + o);
            }
        }
        return r.simulatedNanos();
    }
}
