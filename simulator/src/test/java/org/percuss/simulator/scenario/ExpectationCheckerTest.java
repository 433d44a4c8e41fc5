package org.percuss.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.percuss.device.api.Fault;
import org.junit.jupiter.api.Test;

class ExpectationCheckerTest {

    private static final long MS = 1_000_000L;

    private static Sample tick(long ms, String state, int commanded, int faults) {
        return new Sample(ms * MS, state, 3, 2200, commanded, commanded, 1.0, 30, 16, faults, 0, 0);
    }

    private static Expectation at(long ms, Condition... c) {
        return new Expectation(new Timing.At(Duration.ofMillis(ms)), List.of(c), 7);
    }

    private static Expectation within(long fromMs, long windowMs, Condition... c) {
        return new Expectation(new Timing.Within(Duration.ofMillis(fromMs), Duration.ofMillis(windowMs), "inject"), List.of(c), 9);
    }

    @Test
    void anAtExpectationIsDecidedOnTheFirstTickAtOrAfterItsTime() {
        ExpectationChecker c = new ExpectationChecker(List.of(
                at(20, new Condition.StateIs(Set.of("RAMPING")), new Condition.Quantity(Measure.COMMANDED_PPM, new Range(1200, 1300)))));
        c.sample(tick(10, "WARM_UP", 1200, 0));
        c.sample(tick(20, "RAMPING", 1250, 0));
        c.sample(tick(30, "RUNNING", 2200, 0));
        List<Outcome> out = c.finish();
        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.passed()).isTrue();
            assertThat(o.line()).isEqualTo(7);
            assertThat(o.toString()).isEqualTo(
                    "PASS  at 0.02 s: state RAMPING, commanded_ppm 1200..1300 (observed RAMPING, 1250)");
        });
    }

    @Test
    void aFailingAtExpectationSaysWhatItSaw() {
        ExpectationChecker c = new ExpectationChecker(List.of(at(10, new Condition.Quantity(Measure.COMMANDED_PPM, Range.exactly(0)))));
        c.sample(tick(10, "RUNNING", 2200, 0));
        assertThat(c.finish().getFirst().toString()).isEqualTo("FAIL  at 0.01 s: commanded_ppm 0 (observed 2200)");
    }

    @Test
    void aWithinExpectationPassesOnTheFirstTickItHoldsInTheWindow() {
        ExpectationChecker c = new ExpectationChecker(List.of(
                within(100, 30, new Condition.FaultIs(Fault.OVER_TEMPERATURE, true), new Condition.Quantity(Measure.COMMANDED_PPM, Range.exactly(0)))));
        c.sample(tick(90, "RUNNING", 2200, Fault.OVER_TEMPERATURE.mask())); // before the window: does not count
        c.sample(tick(100, "RUNNING", 2200, 0));
        c.sample(tick(110, "RUNNING", 2200, Fault.OVER_TEMPERATURE.mask()));
        c.sample(tick(120, "FAULT", 0, Fault.OVER_TEMPERATURE.mask()));
        Outcome o = c.finish().getFirst();
        assertThat(o.passed()).isTrue();
        assertThat(o.text()).startsWith("within 0.03 s after 0.10 s (inject): fault OVER_TEMPERATURE, commanded_ppm 0 (observed at 0.12 s");
    }

    @Test
    void aWithinExpectationFailsWhenTheWindowClosesShowingTheLastTickInIt() {
        ExpectationChecker c = new ExpectationChecker(List.of(within(100, 20, new Condition.StateIs(Set.of("FAULT")))));
        c.sample(tick(100, "RUNNING", 2200, 0));
        c.sample(tick(110, "RUNNING", 2200, 0));
        c.sample(tick(120, "RUNNING", 2200, 0));
        c.sample(tick(130, "FAULT", 0, 0));
        Outcome o = c.finish().getFirst();
        assertThat(o.passed()).isFalse();
        assertThat(o.text()).isEqualTo("within 0.02 s after 0.10 s (inject): state FAULT (observed at 0.12 s: RUNNING)");
    }

    @Test
    void eventConditionsLookAtTheEventsInTheWindow() {
        ExpectationChecker c = new ExpectationChecker(List.of(
                within(1000, 500, new Condition.EventLogged("derating to level 1")),
                at(900, new Condition.EventLogged("derating"))));
        c.event(new Event(500 * MS, "derating to level 2: temperature"));
        c.sample(tick(900, "RUNNING", 2200, 0));
        c.sample(tick(1000, "RUNNING", 2200, 0));
        c.event(new Event(1200 * MS, "derating to level 1: temperature 74 °C"));
        c.sample(tick(1200, "RUNNING", 1200, 0));
        List<Outcome> out = c.finish();
        assertThat(out.get(0).passed()).isTrue();
        assertThat(out.get(1).passed()).as("an event before the time counts for 'at'").isTrue();
    }

    @Test
    void expectationsTheRunNeverReachedFail() {
        ExpectationChecker c = new ExpectationChecker(List.of(
                at(5000, new Condition.StateIs(Set.of("FINISHED"))),
                new Expectation(new Timing.AtEnd(), List.of(new Condition.StateIs(Set.of("FINISHED"))), 3)));
        c.sample(tick(10, "RUNNING", 1200, 0));
        List<Outcome> out = c.finish();
        assertThat(out.get(0).toString()).isEqualTo("FAIL  at 5.00 s: state FINISHED (the run ended at 0.01 s)");
        assertThat(out.get(1).toString()).isEqualTo("FAIL  at the end (0.01 s): state FINISHED (observed RUNNING)");
    }
}
