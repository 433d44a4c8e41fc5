package org.percuss.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.percuss.controller.loop.TickStage;

/**
 * The control tick in steady state (issue 16's target: at most 1 µs median and 0 B/op, 0.01 % of
 * the 10 ms period): a {@code ControlLoop} with the default configuration and every safety rule,
 * holding level 3 (2200 ppm) past the warm-up and the ramp, one tick per operation.
 *
 * <ul>
 *   <li>{@link #tick}: the controller alone, against a device whose reports are built before the
 *       measurement ({@link TickRun.Controller}): what the op costs is the loop's read, supervise,
 *       step, profile and command, and nothing of a device. AverageTime and SampleTime (for the
 *       median and the tail).</li>
 *   <li>{@link #tickByStage}: the same tick with a {@link TickStage.StageObserver} that reads
 *       {@code System.nanoTime()} at the end of each stage; reports each stage's nanoseconds and
 *       the ticks as counters ({@code readNanos}, ..., {@code ticks}): a stage's mean is the ratio,
 *       which the end of each fork prints ({@code stages, ns per tick: ...}). Each stage's figure
 *       includes one {@code System.nanoTime()}, whose own cost {@link #nanoTime} measures beside
 *       it: subtract it from each stage.</li>
 *   <li>{@link #tickWithGun}: one tick and the 10 ms of the simulated gun that follow it (ten 1 ms
 *       physics and regulator steps and half a telemetry report, {@link TickRun.WithGun}): the
 *       figure a simulation pays per control tick, dominated by the physics.</li>
 * </ul>
 *
 * <p>What else is in each op, amortised: the loop is renewed now and then (see {@link TickRun}),
 * with its warm-up and ramp, in the op that finds the epoch ended; that adds about 1 % to the
 * controller's mean, one outlier of a millisecond or two per epoch to SampleTime's maximum, and the
 * new loop's few kilobytes, a few hundredths of a byte per op, to {@code -prof gc}'s
 * {@code gc.alloc.rate.norm}. {@code TickAllocationTest} (controller) counts 0 bytes for the tick
 * itself.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ControlTick -prof gc
 * </pre>
 */
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ControlTickBenchmark {

    /** One tick of the controller alone; returns the command so nothing is optimised away. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    public int tick(TickRun.Controller run) {
        return run.tick();
    }

    /** One tick, each stage timed; the stages' totals are the counters of {@link StageNanos}. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int tickByStage(TickRun.Staged run, StageNanos stages) {
        return run.tick(stages);
    }

    /** What one {@code System.nanoTime()} costs here: subtract it from each stage of {@link #tickByStage}. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public long nanoTime() {
        return System.nanoTime();
    }

    /** One tick and the 10 ms of simulated gun after it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public int tickWithGun(TickRun.WithGun run) {
        return run.tick();
    }

    /**
     * The nanoseconds spent in each stage of the tick, accumulated without allocating by the loop's
     * stage observer. A stage runs from the end of the one before (READ from the start of the tick)
     * to its own end. JMH sums these counters over the iterations, so they are totals: each
     * stage's mean is its total divided by {@code ticks}, which the end of the fork prints for the
     * measured iterations ({@code stages, ns per tick over the N measured ticks: ...}).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class StageNanos implements TickStage.StageObserver {
        private final long[] iteration = new long[TickStage.values().length];
        private final long[] trial = new long[TickStage.values().length];
        private long iterationTicks;
        private long trialTicks;
        private long last;

        @Setup(Level.Iteration)
        public void reset() {
            java.util.Arrays.fill(iteration, 0);
            iterationTicks = 0;
        }

        @TearDown(Level.Iteration)
        public void add(IterationParams params) {
            if (params.getType() != IterationType.MEASUREMENT) {
                return;
            }
            for (int i = 0; i < trial.length; i++) {
                trial[i] += iteration[i];
            }
            trialTicks += iterationTicks;
        }

        @TearDown(Level.Trial)
        public void print() {
            StringBuilder line = new StringBuilder("stages, ns per tick over the ")
                    .append(trialTicks).append(" measured ticks:");
            for (TickStage stage : TickStage.values()) {
                line.append(String.format(java.util.Locale.ROOT, " %s %.1f", stage.name().toLowerCase(java.util.Locale.ROOT),
                        trialTicks == 0 ? Double.NaN : (double) trial[stage.ordinal()] / trialTicks));
            }
            System.out.println();
            System.out.println(line);
        }

        void startTick() {
            last = System.nanoTime();
        }

        @Override
        public void ended(TickStage stage) {
            long now = System.nanoTime();
            iteration[stage.ordinal()] += now - last;
            if (stage == TickStage.COMMAND) {
                iterationTicks++;
            }
            last = now;
        }

        /** The ticks timed. */
        public long ticks() {
            return iterationTicks;
        }

        /** Reading the telemetry (and the tick's preamble: the clock, the running time), total ns. */
        public long readNanos() {
            return iteration[TickStage.READ.ordinal()];
        }

        /** The safety supervisor and the requests, total ns. */
        public long superviseNanos() {
            return iteration[TickStage.SUPERVISE.ordinal()];
        }

        /** The state machine, total ns. */
        public long stepNanos() {
            return iteration[TickStage.STEP.ordinal()];
        }

        /** The speed profile and the state entered, total ns. */
        public long profileNanos() {
            return iteration[TickStage.PROFILE.ordinal()];
        }

        /** Commanding the device, total ns. */
        public long commandNanos() {
            return iteration[TickStage.COMMAND.ordinal()];
        }
    }
}
