package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.LoopSleep;
import org.percuss.controller.text.Echo;
import org.percuss.controller.timing.BenchTarget;
import org.percuss.controller.timing.LoopBench;
import org.percuss.device.api.Input;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.os.RealTimePriority;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code percuss bench-loop}: the control loop in real time on the simulated gun, measured
 * ({@link LoopBench}): tick jitter, overruns, GC pauses, CPU, and with {@code --estop N} the
 * emergency stop's latency. The options in, one call, the report out (BENCHMARKS.md).
 */
@Command(name = "bench-loop", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the control loop in real time on the simulated gun and report its timing: each tick's start "
            + "against its deadline (p50, p99, p99.9, max), overruns, GC pauses, CPU; with --estop N, the emergency "
            + "stop's latency over N presses.",
        exitCodeListHeading = "%nExit codes:%n")
final class BenchLoopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "100",
            description = "Control ticks a second, 10..1000. Default: ${DEFAULT-VALUE}.")
    private int rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = Measured.class,
            description = "How long to measure, after the warm-up, more than 0s and at most 14m (with --estop: until "
                + "the trials are done). Default: ${DEFAULT-VALUE}.")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.Warmup.class,
            description = "How long the loop runs before the measuring starts (the JIT's warm-up), 0s..60s. Default: "
                + "${DEFAULT-VALUE}.")
    private Duration warmup;

    @Option(names = "--sleep", paramLabel = "HOW", converter = SleepConverter.class,
            description = "How the loop's thread waits for a tick's deadline: park, park-spin (park to 200 µs before it, "
                + "then spin) or spin. Default: the one percuss run uses, park-spin.")
    private LoopSleep sleep = LoopSleep.DEFAULT;

    @Option(names = "--realtime-priority", paramLabel = "N", converter = PriorityConverter.class,
            description = "Run the loop's thread at this real-time priority, 1..99, as percuss run --realtime-priority "
                + "does (Linux SCHED_FIFO; needs root, CAP_SYS_NICE or an rtprio limit). Default: 0, normal scheduling.")
    private RealTimePriority realtimePriority = RealTimePriority.NORMAL;

    @Option(names = "--level", paramLabel = "N", defaultValue = "1",
            description = "Speed level the session ramps to, 1..5. Default: ${DEFAULT-VALUE}.")
    private int level;

    @Option(names = "--estop", paramLabel = "N", defaultValue = "0",
            description = "Press the simulated gun's emergency-stop input N times (0..10000), each 200-500 ms into the "
                + "running motor, and time it to the loop's zero command. Default: ${DEFAULT-VALUE}.")
    private int estop;

    @Option(names = "--max-p99", paramLabel = "MICROS",
            description = "Exit 1 when the jitter's p99 is above this many microseconds, or a tick overran.")
    private Long maxP99Micros;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoopBench.Settings settings;
        try {
            settings = new LoopBench.Settings(rate, duration, warmup, sleep, level, estop);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (maxP99Micros != null && maxP99Micros < 0) {
            throw new ParameterException(spec.commandLine(), "--max-p99 must be 0 or more microseconds, got " + maxP99Micros);
        }
        if (realtimePriority.isRealTime() && sleep == LoopSleep.SPIN) {
            throw new ParameterException(spec.commandLine(), "--sleep spin at a real-time priority would hold a core for "
                    + "good (Linux then takes it away for 50 ms of every second); use park or park-spin");
        }
        RealTimePriority priority = LoopPriority.raise(realtimePriority, spec.commandLine().getErr());
        LoopBench.Result result;
        try (SimulatedTarget target = new SimulatedTarget()) {
            result = LoopBench.run(settings, PercussConfig.DEFAULT, target, Ticker.system());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--level: " + e.getMessage());
        } finally {
            if (priority.isRealTime()) {
                RealTimePriority.normalizeCurrentThread();
            }
        }
        result.lines().forEach(out::println);
        out.flush();
        if (maxP99Micros != null) {
            long p99 = result.ticks().lateness().count() == 0 ? Long.MAX_VALUE : result.ticks().lateness().percentileMicros(99);
            if (p99 > maxP99Micros || result.ticks().overruns() > 0) {
                spec.commandLine().getErr().println(Echo.line("percuss bench-loop: p99 " + p99 + " µs, " + result.ticks().overruns()
                        + " overruns; wanted p99 at most " + maxP99Micros + " µs and none"));
                spec.commandLine().getErr().flush();
                return ExitCode.EXPECTATION_FAILED.code();
            }
        }
        return ExitCode.OK.code();
    }

    /** The simulated gun on its virtual clock, which the benchmark moves on to the wall clock. */
    private static final class SimulatedTarget implements BenchTarget {
        private final VirtualClock clock = new VirtualClock();
        private final SimulatedGun gun = SimulatedGun.create(clock);

        @Override
        public PercussionDevice device() {
            return gun.device();
        }

        @Override
        public Ticker clock() {
            return clock;
        }

        @Override
        public void advanceTo(long nanos) {
            if (nanos > clock.nanos()) {
                clock.advanceTo(nanos, () -> false);
            }
        }

        @Override
        public void emergencyStopAt(long nanos, boolean pressed) {
            clock.schedule(Duration.ofNanos(Math.max(0, nanos - clock.nanos())),
                    () -> gun.hardware().setInput(Input.EMERGENCY_STOP, pressed));
        }

        @Override
        public void close() {
            gun.device().close();
        }
    }

    /** {@code --duration}: more than 0s, at most 14m (inside the 15-minute session limit). */
    public static final class Measured extends DurationConverter {
        public Measured() {
            super(Duration.ZERO, false, Duration.ofMinutes(14));
        }
    }

    /** {@code --sleep}: park, park-spin or spin. */
    public static final class SleepConverter implements ITypeConverter<LoopSleep> {
        @Override
        public LoopSleep convert(String value) {
            for (LoopSleep s : LoopSleep.values()) {
                if (s.optionName().equals(value)) {
                    return s;
                }
            }
            throw new TypeConversionException("must be park, park-spin or spin, got '" + Echo.value(value) + "'");
        }
    }
}
