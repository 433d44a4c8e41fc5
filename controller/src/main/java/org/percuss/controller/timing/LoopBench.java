package org.percuss.controller.timing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopSleep;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.RealTimeDriver;
import org.percuss.device.time.Ticker;

/**
 * The real control loop, in real time, measured ({@code percuss bench-loop}): a {@link ControlLoop}
 * with every safety rule drives the {@link BenchTarget}'s device, ticked by a {@link RealTimeDriver}
 * on the wall clock at the chosen rate and {@link LoopSleep}; before each tick the target's world is
 * advanced to the wall clock (as {@code percuss run} paces the simulator), so a tick does what a
 * session's tick does. After a warm-up (the JIT's), every tick's lateness goes into
 * {@link TickTimes}, the JVM's counters are taken around the measured part, and, when asked,
 * {@link EstopTrials} press the emergency stop again and again. Runs on the calling thread.
 */
public final class LoopBench {

    /**
     * What to run.
     *
     * @param rateHz ticks a second, 10..1000 (a period of 100 ms .. 1 ms, the config's range)
     * @param duration how long to measure, after the warm-up (with e-stop trials: until they are done)
     * @param warmup how long to run before measuring
     * @param sleep how the loop's thread waits for a deadline
     * @param level the speed level the session ramps to
     * @param estopTrials how many emergency-stop trials to make, 0 for none
     */
    public record Settings(int rateHz, Duration duration, Duration warmup, LoopSleep sleep, int level, int estopTrials) {
        /** The slowest and fastest rates: the config's tick period is 1..100 ms. */
        public static final int MIN_RATE_HZ = 10;
        public static final int MAX_RATE_HZ = 1000;

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public Settings {
            if (rateHz < MIN_RATE_HZ || rateHz > MAX_RATE_HZ) {
                throw new IllegalArgumentException("--rate must be " + MIN_RATE_HZ + ".." + MAX_RATE_HZ + " Hz, got " + rateHz);
            }
            if (estopTrials < 0 || estopTrials > 10_000) {
                throw new IllegalArgumentException("--estop must be 0..10000 trials, got " + estopTrials);
            }
        }

        /** The tick period: a whole number of nanoseconds, the rate's nearest. */
        public Duration period() {
            return Duration.ofNanos(Math.round(1e9 / rateHz));
        }
    }

    /**
     * What was measured.
     *
     * @param stoppedEarly why the loop ended before the measurement did (a safety stop, the session limit), or empty
     */
    public record Result(Settings settings, String device, TickTimes ticks, RuntimeCounters counters, long wallNanos,
                         LatencySummary estopInputToZero, LatencySummary estopReportToZero, int estopMissed,
                         String stoppedEarly) {

        /** The report, line by line. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            Settings s = settings;
            out.add(String.format(Locale.ROOT, "bench-loop: %d Hz (period %.3f ms), --sleep %s, level %d on %s, %s measured"
                    + " after %s of warm-up", s.rateHz(), s.period().toNanos() / 1e6, s.sleep().optionName(), s.level(),
                    device, seconds(wallNanos), seconds(s.warmup().toNanos())));
            LatencyHistogram late = ticks.lateness();
            out.add(String.format(Locale.ROOT, "ticks:        %d in %s", late.count(), seconds(ticks.spanNanos())));
            if (late.count() > 0) {
                out.add(String.format(Locale.ROOT, "jitter:       p50 %d µs  p99 %d µs  p99.9 %d µs  max %d µs"
                        + "  (a tick's start less its deadline)", late.percentileMicros(50), late.percentileMicros(99),
                        late.percentileMicros(99.9), late.maxNanos() / 1000));
                out.add(String.format(Locale.ROOT, "longest tick: %d µs", ticks.longestTickNanos() / 1000));
            }
            out.add(String.format(Locale.ROOT, "overruns:     %d  (ticks that ended after the next tick's deadline)",
                    ticks.overruns()));
            out.add(String.format(Locale.ROOT, "gc:           %d pauses, %d ms in all; %d concurrent cycles", counters.pauses(),
                    counters.pauseMillis(), counters.concurrent()));
            out.add(String.format(Locale.ROOT, "cpu:          loop thread %.2f s (%.1f %% of a core)%s", counters.threadCpuNanos() / 1e9,
                    100.0 * counters.threadCpuNanos() / Math.max(1, wallNanos), counters.processCpuNanos() < 0 ? ""
                            : String.format(Locale.ROOT, ", whole process %.2f s", counters.processCpuNanos() / 1e9)));
            if (counters.threadAllocatedBytes() >= 0) {
                out.add(String.format(Locale.ROOT, "allocated:    %,d bytes by the loop thread (the simulated world's included)",
                        counters.threadAllocatedBytes()));
            }
            if (s.estopTrials() > 0) {
                out.add("e-stop input pressed  -> zero command: " + (estopInputToZero == null ? "no trial completed"
                        : estopInputToZero.line()));
                out.add("e-stop report received -> zero command: " + (estopReportToZero == null ? "no trial completed"
                        : estopReportToZero.line()));
                if (estopMissed > 0) {
                    out.add("e-stop missed:  " + estopMissed + " presses brought no zero command within 2 s");
                }
            }
            if (!stoppedEarly.isEmpty()) {
                out.add("stopped early: " + stoppedEarly);
            }
            return out;
        }

        private static String seconds(long nanos) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
    }

    private LoopBench() {
    }

    /**
     * Runs the loop on {@code target} as {@code settings} say, {@code config}'s rules and levels
     * with the tick period of the rate, and measures it on {@code wall}.
     *
     * @throws IllegalArgumentException when the level is not usable on the device, saying why
     */
    public static Result run(Settings settings, PercussConfig config, BenchTarget target, Ticker wall) {
        Duration period = settings.period();
        PercussConfig c = new PercussConfig(config.levels(), config.warmup(), config.rampPpmPerSecond(),
                config.sessionLimit(), config.sessionWarning(), period, config.safety(), config.zones(), config.gpio());
        TimedDevice device = new TimedDevice(target.device(), wall);
        ControlLoop loop = ControlLoop.builder(device, c, target.clock()).build();
        loop.selectLevel(settings.level());
        loop.start();
        TickTimes times = new TickTimes(period.toNanos());
        long wallStart = wall.nanos();
        long deviceStart = target.clock().nanos();
        long measureFrom = wallStart + settings.warmup().toNanos();
        long measureUntil = measureFrom + settings.duration().toNanos();
        EstopTrials trials = settings.estopTrials() == 0 ? null
                : new EstopTrials(settings.estopTrials(), target, device, loop, wallStart - deviceStart);
        // The first look at the JVM's counters loads its management beans: 40-50 ms, which taken
        // inside the first measured tick was that run's longest tick and most of its overruns.
        RuntimeCounters.now();
        RuntimeCounters[] before = {null};
        RealTimeDriver driver = new RealTimeDriver(wall, period, settings.sleep(), (deadline, started, ended) -> {
            if (started >= measureFrom) {
                times.ticked(deadline, started, ended);
            }
        });
        driver.run(() -> {
            long now = wall.nanos();
            if (before[0] == null && now >= measureFrom) {
                before[0] = RuntimeCounters.now();
            }
            target.advanceTo(deviceStart + (now - wallStart));
            loop.tick();
            if (trials != null && now >= measureFrom) {
                trials.afterTick(target.clock().nanos());
            }
        }, () -> loop.state() == LoopState.FINISHED || (trials == null ? wall.nanos() >= measureUntil
                : trials.finished()) || Thread.currentThread().isInterrupted());
        long end = wall.nanos();
        RuntimeCounters counters = before[0] == null ? RuntimeCounters.now().since(RuntimeCounters.now())
                : RuntimeCounters.now().since(before[0]);
        String early = loop.state() == LoopState.FINISHED ? loop.stopMessage() : "";
        return new Result(settings, target.device().name(), times, counters, Math.max(0, end - measureFrom),
                trials == null ? null : trials.inputToZero(), trials == null ? null : trials.reportToZero(),
                trials == null ? 0 : trials.missed(), early);
    }
}
