package org.percuss.controller.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.controller.config.Zone;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.scenario.Samples;
import org.percuss.controller.session.SessionTimer;
import org.percuss.device.api.Input;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.scenario.Action;
import org.percuss.simulator.scenario.Event;
import org.percuss.simulator.scenario.ExpectationChecker;
import org.percuss.simulator.scenario.InvariantChecker;
import org.percuss.simulator.scenario.Invariants;
import org.percuss.simulator.scenario.Outcome;
import org.percuss.simulator.scenario.RunPlot;
import org.percuss.simulator.scenario.RunRecord;
import org.percuss.simulator.scenario.Sample;
import org.percuss.simulator.scenario.Scenario;
import org.percuss.simulator.scenario.Step;

/**
 * Runs a {@link Scenario} against the real control loop on the simulated gun, in virtual time, as
 * fast as the machine allows: the loop ticks at 100 Hz, the steps happen at their times (in file
 * order when at the same time, before that instant's tick), and every tick is checked against the
 * expectations and the invariants, written to the trace and kept for the plot. The run lasts
 * {@code run_for}, whatever the session does, so that a scenario can look at what follows its end.
 */
final class ScenarioRunner {

    private static final Duration PRESS = Duration.ofMillis(100);

    /**
     * What a run produced.
     *
     * @param outcomes one verdict per expectation, then one per invariant
     * @param simulatedNanos how much virtual time passed
     * @param wallNanos how long it took
     * @param record the run, tick by tick, for a plot
     * @param markers injections and trips, for a plot
     */
    record Result(List<Outcome> outcomes, long simulatedNanos, long wallNanos, RunRecord record, List<RunPlot.Marker> markers) {
        boolean passed() {
            return outcomes.stream().allMatch(Outcome::passed);
        }
    }

    private ScenarioRunner() {
    }

    /** Runs {@code s} with the default configuration. */
    static Result run(Scenario s, TraceWriter trace) {
        return run(s, PercussConfig.DEFAULT, trace);
    }

    /**
     * Runs {@code s} with {@code base}'s levels, thresholds and zones, writing a trace row per tick
     * to {@code trace} when it is not null. A session on a zone has the zone's budget less the
     * scenario's {@code zone_used} (the ledger is not read: a scenario does not depend on the
     * user's history) and the zone's maximum level.
     */
    static Result run(Scenario s, PercussConfig base, TraceWriter trace) {
        Ticker wall = Ticker.system();
        long wallStart = wall.nanos();
        VirtualClock clock = new VirtualClock();
        SimulatedGun gun = SimulatedGun.create(clock, s.gun().physics(), s.seed());
        gun.plant().setPressure(s.gun().pressureNewtons());
        gun.board().setInput(Input.MOTION, s.gun().moving());
        PercussConfig config = base.withWarmup(s.session().warmup()).withSessionLimit(s.session().limit());
        Zone zone = s.session().zone().isEmpty() ? null : config.zones().find(s.session().zone()).orElseThrow();

        ExpectationChecker expectations = new ExpectationChecker(s.expectations());
        RunRecord record = new RunRecord();
        List<RunPlot.Marker> markers = new ArrayList<>();
        LoopListener listener = new LoopListener() {
            @Override
            public void stateChanged(LoopState from, LoopState to, String why) {
                log(to.name() + (why.isEmpty() ? "" : ": " + why));
                if (to.latched()) {
                    markers.add(new RunPlot.Marker(clock.nanos() / 1e9, why, true));
                }
            }

            @Override
            public void warning(String message) {
                log("warning: " + message);
            }

            @Override
            public void safetyEvent(String message) {
                log(message);
            }

            private void log(String text) {
                Event e = new Event(clock.nanos(), text);
                expectations.event(e);
                record.add(e);
            }
        };
        SessionTimer timer = zone == null
                ? new SessionTimer(config.sessionLimit().toNanos(), config.sessionWarning().toNanos())
                : new SessionTimer(config.sessionLimit().toNanos(), zone.budget().minus(s.session().zoneUsed()).toNanos(),
                        zone.name(), config.sessionWarning().toNanos());
        ControlLoop loop = ControlLoop.create(gun.device(), config, timer, zone == null ? 0 : zone.maxLevel(), clock,
                listener);
        loop.selectLevel(s.session().level());
        InvariantChecker invariants = new InvariantChecker(new Invariants(
                s.maxPpm() > 0 ? s.maxPpm() : loop.bounds().highestPpm(), config.rampPpmPerSecond(),
                loop.bounds().lowestPpm(), true, timer.limitNanos(), config.tickPeriod().toNanos(),
                !config.warmup().isZero()));
        if (s.session().start()) {
            loop.start();
        }
        for (Step step : s.steps()) {
            clock.schedule(step.at(), () -> {
                apply(step.action(), loop, gun, clock);
                if (step.action() instanceof Action.Controller c && c.command() == Action.Command.EMERGENCY_STOP) {
                    invariants.emergencyStopRequested();
                }
                Event e = new Event(clock.nanos(), "step: " + step.action().describe());
                expectations.event(e);
                record.add(e);
                markers.add(new RunPlot.Marker(clock.nanos() / 1e9, step.name().isEmpty() ? step.action().describe()
                        : step.name(), false));
            });
        }
        clock.scheduleAtFixedRate(Duration.ZERO, config.tickPeriod(), () -> {
            loop.tick();
            Sample sample = Samples.of(loop, clock.nanos());
            expectations.sample(sample);
            invariants.sample(sample);
            record.add(sample);
            if (trace != null) {
                trace.row(loop);
            }
        });
        clock.advanceTo(s.runFor().toNanos(), () -> false);
        List<Outcome> outcomes = new ArrayList<>(expectations.finish());
        outcomes.addAll(invariants.outcomes());
        return new Result(outcomes, clock.nanos(), wall.nanos() - wallStart, record, markers);
    }

    /** The temperature limits to draw on a plot. */
    static List<RunPlot.Reference> temperatureLines(ThermalLimits t) {
        return List.of(new RunPlot.Reference("derate from " + (int) t.derateFromCelsius() + " °C", t.derateFromCelsius()),
                new RunPlot.Reference("lowest level at " + (int) t.lowestAtCelsius() + " °C", t.lowestAtCelsius()),
                new RunPlot.Reference("trip at " + (int) t.tripCelsius() + " °C", t.tripCelsius()));
    }

    private static void apply(Action action, ControlLoop loop, SimulatedGun gun, VirtualClock clock) {
        switch (action) {
            case Action.Controller c -> {
                switch (c.command()) {
                    case START -> loop.start();
                    case PAUSE -> loop.pause();
                    case CLEAR_FAULTS -> loop.clearFaults();
                    case EMERGENCY_STOP -> loop.emergencyStop();
                }
            }
            case Action.SelectLevel l -> loop.selectLevel(l.level());
            case Action.Press p -> {
                gun.board().setInput(p.button(), true);
                clock.schedule(PRESS, () -> gun.board().setInput(p.button(), false));
            }
            case Action.SetPressure p -> gun.plant().setPressure(p.newtons());
            case Action.SetMoving m -> gun.board().setInput(Input.MOTION, m.moving());
            case Action.Inject i -> {
                if (i.duration().isZero()) {
                    gun.faults().inject(i.fault());
                } else {
                    gun.faults().inject(i.fault(), i.duration());
                }
            }
            case Action.Clear c -> gun.faults().clear(c.fault());
        }
    }
}
