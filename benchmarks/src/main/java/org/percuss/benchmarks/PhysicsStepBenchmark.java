package org.percuss.benchmarks;

import java.util.SplittableRandom;
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
import org.percuss.device.api.PercussionDevice;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.physics.DcMotor;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.physics.Sensors;
import org.percuss.simulator.physics.SpeedRegulator;

/**
 * One 1 ms physics step of the simulated gun holding 2200 ppm, the unit a simulation pays 1,000
 * times per simulated second (a 15-minute session: 900,000 of them).
 *
 * <ul>
 *   <li>{@link #plantAndRegulator}: the physics proper, composed as the board's step composes it:
 *       the tachometer's noisy reading (a Gaussian from the seeded generator), the PI regulator,
 *       and {@link GunPlant#step} (DC motor with inertia and back-EMF against the contact load,
 *       battery with internal resistance and state of charge, lumped thermal model).</li>
 *   <li>{@link #boardMillisecond}: 1 ms of the whole simulated board on its virtual clock, as a
 *       session runs it: the same, plus the board's watchdog and protections, the clock's queue, a
 *       report every 20th step (a new {@code Telemetry}, through the sensors), and the host's
 *       command every 10th step (what the control tick sends, through the direct transport).</li>
 * </ul>
 *
 * <p>Both run in epochs of 14 simulated minutes, a session's length: a gun driven for hours would
 * drain its battery, so each epoch starts a new gun at rest and spins it up to 2200 ppm (2 s) in the
 * op that finds the previous epoch over (amortised: under 0.3 % more steps).
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar PhysicsStep -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PhysicsStepBenchmark {

    /** The physics step, seconds. */
    private static final double DT = 0.001;
    private static final long STEP_NANOS = 1_000_000L;
    /** 14 simulated minutes of steps. */
    private static final int EPOCH_STEPS = 14 * 60 * 1000;
    /** 2 s to spin up from rest before an epoch's first measured step. */
    private static final int SPIN_UP_STEPS = 2_000;
    private static final int TARGET_PPM = 2200;
    /** The board's supply the regulator's gains are designed for (SimulatedBoard's). */
    private static final double NOMINAL_VOLTS = 14.8;

    /** The plant, its sensors and the regulator, without the board or a clock. */
    @State(Scope.Thread)
    public static class Plant {
        GunPlant plant;
        Sensors sensors;
        SpeedRegulator regulator;
        final double setpoint = DcMotor.radPerSec(TARGET_PPM);
        int steps;
        private long seed = SimulatedGun.DEFAULT_SEED;

        @Setup(Level.Trial)
        public void setUp() {
            renew();
        }

        void renew() {
            plant = new GunPlant(PhysicsParameters.DEFAULT);
            sensors = new Sensors(new SplittableRandom(seed++));
            regulator = new SpeedRegulator(PhysicsParameters.DEFAULT.motor(), NOMINAL_VOLTS);
            for (int i = 0; i < SPIN_UP_STEPS; i++) {
                step();
            }
            steps = 0;
        }

        double step() {
            double tach = sensors.tachometerRpm(plant);
            double duty = regulator.update(DT, setpoint, DcMotor.radPerSec(tach), plant.supplyVolts());
            plant.step(DT, duty);
            return plant.speedRadPerSec();
        }
    }

    /** The default simulated gun (the direct transport) on its virtual clock, the host commanding 2200 ppm. */
    @State(Scope.Thread)
    public static class Board {
        VirtualClock clock;
        PercussionDevice device;
        int steps;

        @Setup(Level.Trial)
        public void setUp() {
            renew();
        }

        void renew() {
            clock = new VirtualClock();
            device = SimulatedGun.create(clock).device();
            steps = 0;
            for (int i = 0; i < SPIN_UP_STEPS; i++) {
                step();
            }
            steps = 0;
        }

        void step() {
            if (steps++ % 10 == 0) {
                device.commandSpeed(TARGET_PPM);
            }
            clock.advanceNanos(STEP_NANOS);
        }
    }

    /** One step of the plant and the regulator; the speed, so nothing is optimised away. */
    @Benchmark
    public double plantAndRegulator(Plant p) {
        if (p.steps++ == EPOCH_STEPS) {
            p.renew();
        }
        return p.step();
    }

    /** One millisecond of the whole simulated board; the clock, so nothing is optimised away. */
    @Benchmark
    public long boardMillisecond(Board b) {
        if (b.steps == EPOCH_STEPS) {
            b.renew();
        }
        b.step();
        return b.clock.nanos();
    }
}
