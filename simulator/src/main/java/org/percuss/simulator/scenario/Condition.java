package org.percuss.simulator.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;

/**
 * One thing an expectation checks on a tick: the controller's state, a speed, a measurement, a
 * fault present or absent, or an event logged. Each knows how to test a {@link Sample} and how to
 * say what it wanted and what it saw.
 */
public sealed interface Condition {

    /** Whether it holds on {@code sample}, given the events logged up to it in the expectation's window. */
    boolean holds(Sample sample, List<Event> events);

    /** What is wanted, in words: {@code state RAMPING}, {@code commanded_ppm 2100..2200}. */
    String wanted();

    /** What {@code sample} shows for it: {@code RUNNING}, {@code 1740}. */
    String observed(Sample sample, List<Event> events);

    /** The controller is in one of {@code states}. */
    record StateIs(Set<String> states) implements Condition {
        @Override
        public boolean holds(Sample s, List<Event> events) {
            return states.contains(s.state());
        }

        @Override
        public String wanted() {
            return "state " + String.join(" or ", states);
        }

        @Override
        public String observed(Sample s, List<Event> events) {
            return s.state();
        }
    }

    /** A numeric quantity of the sample lies in a range. */
    record Quantity(Measure measure, Range range) implements Condition {
        @Override
        public boolean holds(Sample s, List<Event> events) {
            return range.contains(measure.of(s));
        }

        @Override
        public String wanted() {
            return measure.key() + " " + range;
        }

        @Override
        public String observed(Sample s, List<Event> events) {
            return measure.format(s);
        }
    }

    /** A fault is present (reported by the device or latched by the controller), or absent. */
    record FaultIs(Fault fault, boolean present) implements Condition {
        @Override
        public boolean holds(Sample s, List<Event> events) {
            return ((s.faultBits() & fault.mask()) != 0) == present;
        }

        @Override
        public String wanted() {
            return (present ? "fault " : "no fault ") + fault.name();
        }

        @Override
        public String observed(Sample s, List<Event> events) {
            return s.faultBits() == 0 ? "no faults" : new FaultSet(s.faultBits()).faults().toString();
        }
    }

    /** An event whose text contains {@code text} was logged (in the expectation's window). */
    record EventLogged(String text) implements Condition {
        @Override
        public boolean holds(Sample s, List<Event> events) {
            for (Event e : events) {
                if (e.text().contains(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String wanted() {
            return "event \"" + text + "\"";
        }

        @Override
        public String observed(Sample s, List<Event> events) {
            for (Event e : events) {
                if (e.text().contains(text)) {
                    return "\"" + e.text() + "\" at " + String.format(Locale.ROOT, "%.2f s", e.nanos() / 1e9);
                }
            }
            return events.isEmpty() ? "no events" : "no such event among " + events.size() + ", latest \""
                    + events.getLast().text() + "\"";
        }
    }
}
