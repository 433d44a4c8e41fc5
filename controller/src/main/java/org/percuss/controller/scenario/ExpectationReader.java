package org.percuss.controller.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.percuss.controller.config.DurationText;
import org.percuss.controller.config.YamlNode;
import org.percuss.controller.config.YamlReader;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.api.Fault;
import org.percuss.simulator.scenario.Condition;
import org.percuss.simulator.scenario.Expectation;
import org.percuss.simulator.scenario.Measure;
import org.percuss.simulator.scenario.Range;
import org.percuss.simulator.scenario.Timing;

/**
 * Reads a scenario's {@code expect} list (docs/scenarios.md): each expectation's timing ({@code at}
 * a time or {@code end}, or {@code within} a time {@code after} a named step or a time) and its
 * conditions (state, fault, no_fault, event, or a measured quantity's range), reporting every
 * problem to the scenario's {@link YamlReader}.
 */
final class ExpectationReader {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Set<String> TIMING = Set.of("at", "after", "within");
    private static final Set<String> CONDITIONS;

    static {
        Set<String> c = new LinkedHashSet<>(List.of("state", "fault", "no_fault", "event"));
        for (Measure m : Measure.values()) {
            c.add(m.key());
        }
        CONDITIONS = Set.copyOf(c);
    }

    private final YamlReader in;
    private final Map<String, Duration> stepTimes;

    /**
     * @param in where the problems go
     * @param stepTimes the named steps' times, for {@code after: STEP}
     */
    ExpectationReader(YamlReader in, Map<String, Duration> stepTimes) {
        this.in = in;
        this.stepTimes = stepTimes;
    }

    List<Expectation> expectations(YamlNode node) {
        List<Expectation> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<YamlNode> items = in.list(node);
        if (items == null) {
            return out;
        }
        for (YamlNode item : items) {
            YamlNode.Mapping m = in.mapping(item);
            if (m == null) {
                continue;
            }
            in.onlyKeys(m, ScenarioReader.union(TIMING, CONDITIONS));
            Timing timing = timing(m);
            List<Condition> conditions = new ArrayList<>();
            for (var e : m.entries().entrySet()) {
                if (CONDITIONS.contains(e.getKey())) {
                    conditions.addAll(condition(e.getKey(), e.getValue()));
                }
            }
            if (m.entries().keySet().stream().noneMatch(CONDITIONS::contains)) {
                in.problem(m, "an expectation needs at least one condition (" + String.join(", ",
                        new TreeSet<>(CONDITIONS)) + ")");
                continue;
            }
            if (conditions.isEmpty()) {
                continue; // each bad condition was reported
            }
            if (timing != null) {
                out.add(new Expectation(timing, conditions, m.line()));
            }
        }
        return out;
    }

    private Timing timing(YamlNode.Mapping m) {
        YamlNode at = field(m, "at");
        YamlNode after = field(m, "after");
        YamlNode within = field(m, "within");
        if (at != null && (after != null || within != null)) {
            in.problem(m, "an expectation is either 'at' a time, or 'within' a time 'after' an event, not both");
            return null;
        }
        if (at != null) {
            String t = in.text(at);
            if (t == null) {
                return null;
            }
            if (t.trim().equals("end")) {
                return new Timing.AtEnd();
            }
            Duration d = in.duration(at, Duration.ZERO, DAY);
            return d == null ? null : new Timing.At(d);
        }
        if (after == null || within == null) {
            in.problem(m, "an expectation needs 'at' (a time or end), or both 'after' and 'within'");
            return null;
        }
        Duration window = in.duration(within, Duration.ZERO, DAY);
        String anchor = in.text(after);
        if (anchor == null || window == null) {
            return null;
        }
        Duration from = stepTimes.get(anchor.trim());
        if (from != null) {
            return new Timing.Within(from, window, anchor.trim());
        }
        try {
            return new Timing.Within(DurationText.parse(anchor), window, "");
        } catch (IllegalArgumentException e) {
            in.problem(after, "'" + anchor + "' is neither a time nor the name of a step"
                    + (stepTimes.isEmpty() ? "" : " (steps: " + String.join(", ", new TreeSet<>(stepTimes.keySet())) + ")"));
            return null;
        }
    }

    private List<Condition> condition(String key, YamlNode v) {
        switch (key) {
            case "state" -> {
                Set<String> states = new LinkedHashSet<>();
                for (YamlNode n : items(v)) {
                    String t = in.text(n);
                    if (t == null) {
                        continue;
                    }
                    String name = t.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
                    try {
                        states.add(LoopState.valueOf(name).name());
                    } catch (IllegalArgumentException e) {
                        in.problem(n, "'" + t + "' is not a state (" + names(LoopState.values()) + ")");
                    }
                }
                return states.isEmpty() ? List.of() : List.of(new Condition.StateIs(states));
            }
            case "fault", "no_fault" -> {
                List<Condition> out = new ArrayList<>();
                for (YamlNode n : items(v)) {
                    String t = in.text(n);
                    if (t == null) {
                        continue;
                    }
                    try {
                        out.add(new Condition.FaultIs(Fault.valueOf(t.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
                                key.equals("fault")));
                    } catch (IllegalArgumentException e) {
                        in.problem(n, "'" + t + "' is not a fault (" + names(Fault.values()) + ")");
                    }
                }
                return out;
            }
            case "event" -> {
                String t = in.text(v);
                return t == null ? List.of() : List.of(new Condition.EventLogged(t));
            }
            default -> {
                Range r = range(v);
                return r == null ? List.of() : List.of(new Condition.Quantity(Measure.ofKey(key), r));
            }
        }
    }

    /** A number (exactly that), or a mapping with {@code min} and/or {@code max}. */
    private Range range(YamlNode v) {
        if (v instanceof YamlNode.Mapping m) {
            in.onlyKeys(m, Set.of("min", "max"));
            Double min = field(m, "min") == null ? Double.valueOf(Double.NEGATIVE_INFINITY) : in.number(field(m, "min"), -1e9, 1e9, "");
            Double max = field(m, "max") == null ? Double.valueOf(Double.POSITIVE_INFINITY) : in.number(field(m, "max"), -1e9, 1e9, "");
            if (min == null || max == null) {
                return null;
            }
            if (min > max) {
                in.problem(m, "min " + min + " is above max " + max);
                return null;
            }
            return new Range(min, max);
        }
        Double x = in.number(v, -1e9, 1e9, "");
        return x == null ? null : Range.exactly(x);
    }

    private List<YamlNode> items(YamlNode v) {
        return v instanceof YamlNode.Sequence s ? s.items() : List.of(v);
    }

    private YamlNode field(YamlNode.Mapping m, String key) {
        return YamlReader.field(m, key);
    }

    private static String names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name());
        }
        return String.join(", ", out);
    }
}
