package org.percuss.simulator.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks a scenario's expectations as the run goes, one tick at a time, without keeping the run:
 * an {@link Timing.At} expectation is decided on the first tick at or after its time, a
 * {@link Timing.Within} one on the first tick in its window where every condition holds (or
 * fails when the window closes), an {@link Timing.AtEnd} one on the last tick. Event conditions
 * look at the events logged in the expectation's window (up to its time, for {@code At}).
 */
public final class ExpectationChecker {

    private final List<Expectation> expectations;
    private final Outcome[] outcomes;
    private final Sample[] lastInWindow;
    // When each expectation first has something to judge (its time, its window's start; never for
    // one at the end): before that a tick passes it by with one comparison, instead of matching its
    // timing on each of the 91,000 ticks of a 15-minute session.
    private final long[] fromNanos;
    private final List<Event> events = new ArrayList<>();
    private long[] eventTimes = new long[64];
    private Sample last;

    public ExpectationChecker(List<Expectation> expectations) {
        this.expectations = List.copyOf(expectations);
        this.outcomes = new Outcome[expectations.size()];
        this.lastInWindow = new Sample[expectations.size()];
        this.fromNanos = new long[expectations.size()];
        for (int i = 0; i < fromNanos.length; i++) {
            fromNanos[i] = switch (this.expectations.get(i).timing()) {
                case Timing.At at -> at.time().toNanos();
                case Timing.Within w -> w.from().toNanos();
                case Timing.AtEnd end -> Long.MAX_VALUE;
            };
        }
    }

    /** Something happened; events come in time order. */
    public void event(Event e) {
        if (events.size() == eventTimes.length) {
            eventTimes = Arrays.copyOf(eventTimes, eventTimes.length * 2);
        }
        eventTimes[events.size()] = e.nanos();
        events.add(e);
    }

    /** One tick. */
    public void sample(Sample s) {
        last = s;
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null || s.nanos() < fromNanos[i]) {
                continue;
            }
            Expectation x = expectations.get(i);
            switch (x.timing()) {
                case Timing.At at -> {
                    if (s.nanos() >= at.time().toNanos()) {
                        outcomes[i] = judge(x, s, eventsBetween(Long.MIN_VALUE, s.nanos()), "at " + secs(at.time().toNanos()));
                    }
                }
                case Timing.Within w -> {
                    long from = w.from().toNanos();
                    long to = from + w.window().toNanos();
                    if (s.nanos() >= from && s.nanos() <= to) {
                        lastInWindow[i] = s;
                        List<Event> window = eventsBetween(from, s.nanos());
                        if (allHold(x, s, window)) {
                            outcomes[i] = new Outcome(true, x.line(), within(w) + ": " + wanted(x) + " (observed at "
                                    + secs(s.nanos()) + ": " + observed(x, s, window) + ")");
                        }
                    } else if (s.nanos() > to) {
                        outcomes[i] = failWithin(x, w);
                    }
                }
                case Timing.AtEnd end -> {
                    // decided in finish()
                }
            }
        }
    }

    /** The run is over: decides what is left. */
    public List<Outcome> finish() {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Expectation x = expectations.get(i);
            outcomes[i] = switch (x.timing()) {
                case Timing.AtEnd end -> last == null
                        ? new Outcome(false, x.line(), "at the end: the run has no ticks")
                        : judge(x, last, events, "at the end (" + secs(last.nanos()) + ")");
                case Timing.At at -> new Outcome(false, x.line(), "at " + secs(at.time().toNanos()) + ": " + wanted(x)
                        + " (the run ended at " + (last == null ? "0 s" : secs(last.nanos())) + ")");
                case Timing.Within w -> failWithin(x, w);
            };
        }
        return List.of(outcomes);
    }

    /**
     * What {@code x} asks for, whatever a run observes: {@code at 20.00 s: state RUNNING} (a
     * campaign names its expectations this way, counting each one's verdicts over many runs).
     */
    public static String describe(Expectation x) {
        String when = switch (x.timing()) {
            case Timing.At at -> "at " + secs(at.time().toNanos());
            case Timing.Within w -> within(w);
            case Timing.AtEnd end -> "at the end";
        };
        return when + ": " + wanted(x);
    }

    private Outcome failWithin(Expectation x, Timing.Within w) {
        int i = expectations.indexOf(x);
        Sample s = lastInWindow[i];
        String seen = s == null ? "the run ended before the window"
                : "observed at " + secs(s.nanos()) + ": " + observed(x, s,
                        eventsBetween(w.from().toNanos(), s.nanos()));
        return new Outcome(false, x.line(), within(w) + ": " + wanted(x) + " (" + seen + ")");
    }

    private Outcome judge(Expectation x, Sample s, List<Event> window, String when) {
        return new Outcome(allHold(x, s, window), x.line(), when + ": " + wanted(x) + " (observed " + observed(x, s, window) + ")");
    }

    private static boolean allHold(Expectation x, Sample s, List<Event> window) {
        for (Condition c : x.conditions()) {
            if (!c.holds(s, window)) {
                return false;
            }
        }
        return true;
    }

    private static String wanted(Expectation x) {
        List<String> parts = new ArrayList<>();
        x.conditions().forEach(c -> parts.add(c.wanted()));
        return String.join(", ", parts);
    }

    private static String observed(Expectation x, Sample s, List<Event> window) {
        List<String> parts = new ArrayList<>();
        x.conditions().forEach(c -> parts.add(c.observed(s, window)));
        return String.join(", ", parts);
    }

    /** The events from {@code from} to {@code to}, as a view (events come in time order). */
    private List<Event> eventsBetween(long from, long to) {
        return events.subList(firstAtOrAfter(from), firstAtOrAfter(to == Long.MAX_VALUE ? to : to + 1));
    }

    private int firstAtOrAfter(long nanos) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eventTimes[mid] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String within(Timing.Within w) {
        return "within " + secs(w.window().toNanos()) + " after " + secs(w.from().toNanos())
                + (w.anchor().isEmpty() ? "" : " (" + w.anchor() + ")");
    }

    static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
