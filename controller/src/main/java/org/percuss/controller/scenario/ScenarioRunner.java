package org.percuss.controller.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.LoopListener;
import org.percuss.controller.loop.LoopState;
import org.percuss.controller.record.RecordedSession;
import org.percuss.controller.record.Recorder;
import org.percuss.controller.session.SessionPlan;
import org.percuss.device.api.Input;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.Hardware;
import org.percuss.simulator.scenario.Action;
import org.percuss.simulator.scenario.Applicability;
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
 * Runs a {@link Scenario} against the real control loop on the simulated gun, through the
 * scenario's transport (the simulated board directly, the real serial driver over a simulated
 * wire, or the real Pi driver on mock pins), in virtual time, as fast as the machine allows: the
 * loop ticks at 100 Hz, the steps happen at their times (in file order when at the same time,
 * before that instant's tick), and every tick is checked against the expectations and the
 * invariants, handed to {@code afterTick} (the trace) and kept for the plot. The run lasts
 * {@code run_for}, whatever the session does, so that a scenario can look at what follows its
 * end. Times are from the start of the session: a serial handshake before it does not count.
 */
public final class ScenarioRunner {

    private static final Duration PRESS = Duration.ofMillis(100);

    /**
     * What a run produced.
     *
     * @param outcomes one verdict per expectation (some perhaps not applicable on the transport),
     *        then one per invariant
     * @param simulatedNanos how much virtual time passed
     * @param wallNanos how long it took
     * @param record the run, tick by tick, for a plot
     * @param markers injections and trips, for a plot
     * @param checks what each outcome judged, in the same order, whatever the run observed
     *        ({@code at 20.00 s: state RUNNING}, {@code invariant: never rising faster than 250 ppm/s})
     */
    public record Result(List<Outcome> outcomes, long simulatedNanos, long wallNanos, RunRecord record,
                         List<RunPlot.Marker> markers, List<String> checks) {
        /** Whether every expectation that applies, and every invariant, held. */
        public boolean passed() {
            return outcomes.stream().allMatch(Outcome::passed);
        }
    }

    private ScenarioRunner() {
    }

    /**
     * Runs {@code s} with {@code base}'s levels, thresholds and zones, calling {@code afterTick}
     * (when not null) after every tick. A session on a zone has the zone's budget less the
     * scenario's {@code zone_used} (the ledger is not read: a scenario does not depend on the
     * user's history) and the zone's maximum level.
     */
    public static Result run(Scenario s, PercussConfig base, Consumer<ControlLoop> afterTick) {
        return unrecorded(s, base, afterTick, null, true);
    }

    /**
     * {@link #run(Scenario, PercussConfig, Consumer)}, keeping the run tick by tick for a plot only
     * when {@code forPlot}: seven columns of 91,000 values for 15 minutes, 5 MB of a small heap and
     * a tenth of the time of a session that draws none.
     */
    public static Result run(Scenario s, PercussConfig base, Consumer<ControlLoop> afterTick, boolean forPlot) {
        return unrecorded(s, base, afterTick, null, forPlot);
    }

    /**
     * Runs {@code s} as one session of a campaign: like {@link #run(Scenario, PercussConfig, Consumer)},
     * but without keeping the run for a plot (the result's record is empty), handing every tick's
     * sample to {@code eachSample} instead.
     */
    public static Result runInCampaign(Scenario s, PercussConfig base, Consumer<Sample> eachSample) {
        return unrecorded(s, base, null, eachSample, false);
    }

    /** A run with no recording, whose only {@link FileProblem}, the recording's header, cannot happen. */
    private static Result unrecorded(Scenario s, PercussConfig base, Consumer<ControlLoop> afterTick,
                                     Consumer<Sample> eachSample, boolean keepRecord) {
        try {
            return run(s, base, afterTick, null, eachSample, keepRecord);
        } catch (FileProblem e) {
            throw new IllegalStateException("a run without a recording has no recording to fail", e);
        }
    }

    /**
     * {@link #run(Scenario, PercussConfig, Consumer)}, recorded by {@code recorder} (when not null):
     * its header is written before the loop is built, every tick and every step go into it; the
     * caller {@linkplain Recorder#finish() finishes} it.
     *
     * @throws FileProblem when the recording's header cannot be written (nothing has run then)
     */
    public static Result run(Scenario s, PercussConfig base, Consumer<ControlLoop> afterTick, Recorder recorder)
            throws FileProblem {
        return run(s, base, afterTick, recorder, null, true);
    }

    /**
     * {@link #run(Scenario, PercussConfig, Consumer, Recorder)}, keeping the run tick by tick for a
     * plot only when {@code forPlot} (as {@link #run(Scenario, PercussConfig, Consumer, boolean)}).
     *
     * @throws FileProblem when the recording's header cannot be written (nothing has run then)
     */
    public static Result run(Scenario s, PercussConfig base, Consumer<ControlLoop> afterTick, Recorder recorder,
                             boolean forPlot) throws FileProblem {
        return run(s, base, afterTick, recorder, null, forPlot);
    }

    private static Result run(Scenario s, PercussConfig base, Consumer<ControlLoop> afterTick, Recorder recorder,
                              Consumer<Sample> eachSample, boolean keepRecord) throws FileProblem {
        Ticker wall = Ticker.system();
        long wallStart = wall.nanos();
        VirtualClock clock = new VirtualClock();
        PercussConfig config = base.withWarmup(s.session().warmup()).withSessionLimit(s.session().limit());
        SimulatedGun gun = SimulatedGun.create(clock, s.gun().physics(), s.seed(), s.transport(), config.tickPeriod());
        long origin = clock.nanos(); // after a serial handshake: scenario time starts here
        gun.plant().setPressure(s.gun().pressureNewtons());
        gun.hardware().setInput(Input.MOTION, s.gun().moving());
        Zone zone = s.session().zone().isEmpty() ? null : config.zones().find(s.session().zone()).orElseThrow();

        List<String> notApplicable = Applicability.reasons(s, s.transport().key(),
                gun.device().capabilities().features(), gun.cannotInject());
        ExpectationChecker expectations = new ExpectationChecker(s.expectations());
        RunRecord record = new RunRecord();
        List<RunPlot.Marker> markers = new ArrayList<>();
        LoopListener listener = new LoopListener() {
            @Override
            public void stateChanged(LoopState from, LoopState to, String why) {
                log(to.name() + (why.isEmpty() ? "" : ": " + why));
                if (to.latched()) {
                    markers.add(new RunPlot.Marker((clock.nanos() - origin) / 1e9, why, true));
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
                Event e = new Event(clock.nanos() - origin, text);
                expectations.event(e);
                record.add(e);
            }
        };
        SessionPlan plan = zone == null ? SessionPlan.of(config)
                : SessionPlan.onZone(config, zone, zone.budget().minus(s.session().zoneUsed()));
        PercussionDevice device = gun.device();
        if (recorder != null) {
            recorder.begin(s.name() + " (seed " + s.seed() + ", " + s.transport().key() + ")", device, config,
                    RecordedSession.ofScenario(Optional.ofNullable(zone), s.session().zoneUsed(), s.session().limit(),
                            s.session().warmup()));
        }
        ControlLoop loop = (recorder == null ? ControlLoop.builder(device, config, clock).listener(listener)
                : recorder.builder(device, config, clock, listener)).plan(plan).build();
        loop.selectLevel(s.session().level());
        InvariantChecker invariants = new InvariantChecker(new Invariants(
                s.maxPpm() > 0 ? s.maxPpm() : loop.bounds().highestPpm(), config.rampPpmPerSecond(),
                loop.bounds().lowestPpm(), true, loop.sessionLimitNanos(), config.tickPeriod().toNanos(),
                !config.warmup().isZero()));
        if (s.session().start()) {
            loop.start();
        }
        for (Step step : s.steps()) {
            clock.schedule(step.at(), () -> {
                boolean applied = apply(step.action(), loop, gun, clock);
                if (step.action() instanceof Action.Controller c && c.command() == Action.Command.EMERGENCY_STOP) {
                    invariants.emergencyStopRequested();
                }
                Event e = new Event(clock.nanos() - origin, "step: " + step.action().describe()
                        + (applied ? "" : " (not on " + s.transport().key() + ")"));
                expectations.event(e);
                record.add(e);
                String label = step.name().isEmpty() ? step.action().describe() : step.name();
                markers.add(new RunPlot.Marker((clock.nanos() - origin) / 1e9, label, false));
                if (recorder != null) {
                    recorder.note(label);
                }
            });
        }
        int[] previousCommanded = {0};
        clock.scheduleAtFixedRate(Duration.ZERO, config.tickPeriod(), () -> {
            loop.tick();
            Sample sample = Samples.of(loop, clock.nanos() - origin, previousCommanded[0]);
            previousCommanded[0] = sample.commandedPpm();
            expectations.sample(sample);
            invariants.sample(sample);
            if (keepRecord) {
                record.add(sample);
            }
            if (eachSample != null) {
                eachSample.accept(sample);
            }
            if (afterTick != null) {
                afterTick.accept(loop);
            }
            if (recorder != null) {
                recorder.flushIfDue(); // a failure shows in recorder.failure(), which the caller reports
            }
        });
        clock.advanceTo(origin + s.runFor().toNanos(), () -> false);
        List<Outcome> checked = expectations.finish();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            String why = notApplicable.get(i);
            outcomes.add(why == null ? checked.get(i) : Outcome.notApplicable(s.expectations().get(i).line(), why));
        }
        outcomes.addAll(invariants.outcomes());
        List<String> checks = new ArrayList<>();
        s.expectations().forEach(x -> checks.add(ExpectationChecker.describe(x)));
        checks.addAll(invariants.names());
        return new Result(outcomes, clock.nanos() - origin, wall.nanos() - wallStart, record, markers,
                List.copyOf(checks));
    }

    /** The temperature limits to draw on a plot. */
    public static List<RunPlot.Reference> temperatureLines(ThermalLimits t) {
        return List.of(new RunPlot.Reference("derate from " + (int) t.derateFromCelsius() + " °C", t.derateFromCelsius()),
                new RunPlot.Reference("lowest level at " + (int) t.lowestAtCelsius() + " °C", t.lowestAtCelsius()),
                new RunPlot.Reference("trip at " + (int) t.tripCelsius() + " °C", t.tripCelsius()));
    }

    /** Does what {@code action} says; false when the transport cannot (an injection it cannot suffer). */
    private static boolean apply(Action action, ControlLoop loop, SimulatedGun gun, VirtualClock clock) {
        Hardware hw = gun.hardware();
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
                hw.setInput(p.button(), true);
                clock.schedule(PRESS, () -> hw.setInput(p.button(), false));
            }
            case Action.SetPressure p -> gun.plant().setPressure(p.newtons());
            case Action.SetMoving m -> hw.setInput(Input.MOTION, m.moving());
            case Action.Inject i -> {
                if (gun.cannotInject().containsKey(i.fault())) {
                    return false;
                }
                if (i.duration().isZero()) {
                    gun.faults().inject(i.fault());
                } else {
                    gun.faults().inject(i.fault(), i.duration());
                }
            }
            case Action.Clear c -> gun.faults().clear(c.fault());
        }
        return true;
    }
}
