package org.percuss.controller.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * How long a whole 15-minute session takes to simulate: the control loop at 100 Hz on the
 * simulated gun with its physics at 1 kHz and telemetry every 20 ms, level 3, until the session
 * limit ends it (90,000 control ticks, 900,000 physics steps). Run with
 * {@code ./mvnw -B -ntp -q -Pbench -DskipTests -Dbench.main=org.openjdk.jmh.Main -Dbench.args=SessionSimulation verify}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(2)
public class SessionSimulationBenchmark {

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
}
