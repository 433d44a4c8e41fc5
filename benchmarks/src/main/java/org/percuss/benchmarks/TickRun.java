package org.percuss.benchmarks;

import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.loop.TickStage;
import org.percuss.controller.session.SessionTimer;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.ClearStatus;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;

/**
 * A control loop held in steady state for {@link ControlTickBenchmark}: the default configuration,
 * every safety rule, level 3 (2200 ppm) selected, started, and ticked through its 10 s warm-up and
 * 4 s ramp before the first measured tick; each {@link #tick()} is one control tick 10 ms after the
 * one before.
 *
 * <p>A steady state cannot last for ever, so the loop is renewed by epochs: the op that finds the
 * epoch over builds a new loop (on a new clock) and ticks it to steady state again, then ticks once
 * as every op does. Two things end an epoch. The session limit would end every session at 15
 * minutes of running, so the loop's {@link SessionTimer} has a limit of decades: the same
 * arithmetic on every tick, and the state stays RUNNING. And what the loop reads must stay fresh
 * (the stale-telemetry rule trips after 100 ms without a report), which each kind of run below
 * keeps for its own length of time.
 */
public abstract class TickRun {

    /** The control period, 100 Hz. */
    static final long TICK_NANOS = 10_000_000L;
    /** The level held: 2200 ppm. */
    static final int LEVEL = 3;
    static final int LEVEL_PPM = 2200;
    /** A session limit that never comes (about 73 years): the tick's timing arithmetic, without its end. */
    private static final long LIFTED_LIMIT_NANOS = Long.MAX_VALUE / 4;
    /** Ticks through the warm-up (10 s) and the ramp (1200 to 2200 ppm at 250 ppm/s: 4 s), with room. */
    private static final int MOST_TICKS_TO_STEADY = 3_000;

    ControlLoop loop;

    /** One control tick of the steady loop, and 10 ms on; the command, so nothing is optimised away. */
    abstract int tick();

    /** A loop on {@code device} and {@code ticker}, ticked to RUNNING at level 3 by {@code tickAndAdvance}. */
    static ControlLoop steadyLoop(PercussionDevice device, Ticker ticker, TickStage.StageObserver stages,
                                  Consumer<ControlLoop> tickAndAdvance) {
        PercussConfig config = PercussConfig.DEFAULT;
        ControlLoop loop = ControlLoop.builder(device, config, ticker)
                .timer(new SessionTimer(LIFTED_LIMIT_NANOS, config.sessionWarning().toNanos()))
                .stages(stages)
                .build();
        loop.selectLevel(LEVEL);
        loop.start();
        for (int i = 0; i < MOST_TICKS_TO_STEADY; i++) {
            tickAndAdvance.accept(loop);
            if (loop.state() == LoopState.RUNNING && loop.commandedPpm() == LEVEL_PPM) {
                return loop;
            }
        }
        throw new IllegalStateException("the loop did not reach level 3 in " + MOST_TICKS_TO_STEADY + " ticks: "
                + loop.state() + " at " + loop.commandedPpm() + " ppm, " + loop.stopMessage());
    }

    /**
     * The controller alone: a device whose reports were all built before the measurement (one per
     * 20 ms telemetry period, the simulated gun's: 2200 ppm, 1.2 A, 35 °C, 16 V, moving, no fault),
     * so that a tick reads the one due, allocates nothing and costs no device time. The reports
     * cover an epoch of 65,536 periods (21.8 minutes, 131,072 ticks); each epoch starts a new loop
     * at time 0, where the reports start again.
     */
    abstract static class Preset extends TickRun {
        private static final int REPORTS = 1 << 16;
        private static final long REPORT_NANOS = 20_000_000L;
        /** The last tick of an epoch still has its report. */
        private static final long EPOCH_NANOS = (REPORTS - 1) * REPORT_NANOS;

        private PresetDevice device;
        private long now;
        private TickStage.StageObserver stages;

        /** Builds the reports and the first loop, whose stages {@code observer} hears. */
        void init(TickStage.StageObserver observer) {
            stages = observer;
            device = new PresetDevice(() -> now, REPORTS, REPORT_NANOS);
            renew();
        }

        /** Told before a renewal's ticks. */
        void renewing() {
        }

        /** Told after them. */
        void renewed() {
        }

        private void renew() {
            renewing();
            now = 0;
            loop = steadyLoop(device, () -> now, stages, l -> {
                l.tick();
                now += TICK_NANOS;
            });
            renewed();
        }

        @Override
        int tick() {
            renewIfDue();
            return tickOnce();
        }

        /** A new loop when the epoch is over. */
        final void renewIfDue() {
            if (now >= EPOCH_NANOS) {
                renew();
            }
        }

        /** The tick itself, and 10 ms on. */
        final int tickOnce() {
            loop.tick();
            now += TICK_NANOS;
            return loop.commandedPpm();
        }
    }

    /** {@link Preset}, untimed. */
    @State(Scope.Thread)
    public static class Controller extends Preset {
        @Setup(Level.Trial)
        public void setUp() {
            init(TickStage.StageObserver.NONE);
        }
    }

    /**
     * {@link Preset} with each stage timed by the benchmark's {@link ControlTickBenchmark.StageNanos}
     * (handed in on every tick: JMH reports the counters of a state the benchmark method takes);
     * the ticks of a renewal are not counted.
     */
    @State(Scope.Thread)
    public static class Staged extends Preset {
        private ControlTickBenchmark.StageNanos timed;
        private boolean renewing;

        @Setup(Level.Trial)
        public void setUp() {
            init(stage -> {
                if (timed != null && !renewing) {
                    timed.ended(stage);
                }
            });
        }

        @Override
        void renewing() {
            renewing = true;
        }

        @Override
        void renewed() {
            renewing = false;
        }

        /** One tick, timed by {@code stages}. */
        int tick(ControlTickBenchmark.StageNanos stages) {
            renewIfDue();
            timed = stages;
            stages.startTick();
            return tickOnce();
        }
    }

    /**
     * The loop on the default simulated gun (the direct transport: board, PI regulator and physics at
     * 1 kHz, a report every 20 ms with seeded sensor noise) on one virtual clock: each op is a tick
     * and then 10 ms of the gun. An epoch is 14 minutes of running at level 3, a session's length
     * (a gun left running for hours would drain its battery and change what is measured); each
     * epoch starts a new gun and loop at rest, whose 14 s to steady state (1,400 ticks and their
     * physics) add about 2 % to the mean.
     */
    @State(Scope.Thread)
    public static class WithGun extends TickRun {
        private static final long EPOCH_RUNNING_NANOS = 14L * 60 * 1_000_000_000L;

        private VirtualClock clock;

        @Setup(Level.Trial)
        public void setUp() {
            renew();
        }

        private void renew() {
            clock = new VirtualClock();
            SimulatedGun gun = SimulatedGun.create(clock);
            loop = steadyLoop(gun.device(), clock, TickStage.StageObserver.NONE, l -> {
                l.tick();
                clock.advanceNanos(TICK_NANOS);
            });
        }

        @Override
        int tick() {
            if (loop.runningNanos() >= EPOCH_RUNNING_NANOS) {
                renew();
            }
            loop.tick();
            clock.advanceNanos(TICK_NANOS);
            return loop.commandedPpm();
        }
    }

    /** A device that hands out reports built in advance, the one due at the ticker's time. */
    static final class PresetDevice implements PercussionDevice {
        private final Ticker ticker;
        private final Telemetry[] reports;
        private final long reportNanos;

        PresetDevice(Ticker ticker, int count, long reportNanos) {
            this.ticker = ticker;
            this.reportNanos = reportNanos;
            this.reports = new Telemetry[count];
            Inputs moving = Inputs.NONE.with(Input.MOTION, true);
            for (int i = 0; i < count; i++) {
                long at = i * reportNanos;
                reports[i] = new Telemetry(at, LEVEL_PPM, 1.2, 35.0, 16.0, moving, FaultSet.NONE, at / 1_000_000L);
            }
        }

        @Override public String name() { return "preset"; }
        @Override public Capabilities capabilities() { return SimulatedGun.CAPABILITIES; }
        @Override public int commandSpeed(int targetPpm) { return targetPpm; }
        @Override public void stop() { }
        @Override public Telemetry telemetry() { return reports[(int) (ticker.nanos() / reportNanos)]; }
        @Override public void requestClearFaults() { }
        @Override public ClearStatus clearStatus() { return ClearStatus.NONE; }
        @Override public void close() { }
    }
}
