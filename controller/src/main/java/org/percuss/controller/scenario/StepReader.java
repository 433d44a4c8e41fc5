package org.percuss.controller.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import org.percuss.controller.config.YamlNode;
import org.percuss.controller.config.YamlReader;
import org.percuss.device.api.Input;
import org.percuss.simulator.fault.InjectedFault;
import org.percuss.simulator.scenario.Action;
import org.percuss.simulator.scenario.Step;

/**
 * Reads a scenario's {@code steps} list (docs/scenarios.md): each step's time, optional name and
 * its one action (do, level, press, pressure_n, moving, inject with an optional {@code for},
 * clear, cut_link), reporting every problem to the scenario's {@link YamlReader} and noting each
 * named step's time for the expectations timed after it.
 */
final class StepReader {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Set<String> ACTIONS = Set.of("do", "level", "press", "pressure_n", "moving", "inject", "clear",
            "cut_link");
    private static final Set<String> STEP = ScenarioReader.union(ACTIONS, Set.of("at", "name", "for"));

    private final YamlReader in;
    private final int levelCount;
    private final ObjIntConsumer<YamlNode> checkUsable;
    private final Map<String, Duration> stepTimes;

    /**
     * @param in where the problems go
     * @param levelCount the configuration's number of levels
     * @param checkUsable reports a level (at its node) the session cannot run
     * @param stepTimes filled with each named step's time
     */
    StepReader(YamlReader in, int levelCount, ObjIntConsumer<YamlNode> checkUsable, Map<String, Duration> stepTimes) {
        this.in = in;
        this.levelCount = levelCount;
        this.checkUsable = checkUsable;
        this.stepTimes = stepTimes;
    }

    List<Step> steps(YamlNode node) {
        List<Step> steps = new ArrayList<>();
        if (node == null) {
            return steps;
        }
        List<YamlNode> items = in.list(node);
        if (items == null) {
            return steps;
        }
        for (YamlNode item : items) {
            YamlNode.Mapping m = in.mapping(item);
            if (m == null) {
                continue;
            }
            in.onlyKeys(m, STEP);
            if (field(m, "at") == null) {
                in.problem(m, "a step needs 'at', the time it happens");
                continue;
            }
            Duration at = in.duration(field(m, "at"), Duration.ZERO, DAY);
            String name = orDefault(text(m, "name"), "");
            List<String> actions = m.entries().keySet().stream().filter(ACTIONS::contains).toList();
            if (actions.size() != 1) {
                in.problem(m, "a step does exactly one of " + String.join(", ", new TreeSet<>(ACTIONS))
                        + (actions.isEmpty() ? "; it has none" : "; it has " + String.join(", ", actions)));
                continue;
            }
            if (field(m, "for") != null && !actions.getFirst().equals("inject")) {
                in.problem(field(m, "for"), "'for' goes with 'inject' only");
            }
            Action action = action(m, actions.getFirst());
            if (at != null && action != null) {
                steps.add(new Step(at, name, action, m.line()));
                if (!name.isEmpty()) {
                    stepTimes.putIfAbsent(name, at);
                }
            }
        }
        return steps;
    }

    private Action action(YamlNode.Mapping m, String key) {
        YamlNode v = field(m, key);
        return switch (key) {
            case "do" -> {
                String t = in.text(v);
                if (t == null) {
                    yield null;
                }
                try {
                    yield new Action.Controller(Action.Command.valueOf(t.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    in.problem(v, "'" + t + "' is not something to do (start, pause, clear-faults, emergency-stop)");
                    yield null;
                }
            }
            case "level" -> {
                Integer level = in.integer(v, 1, levelCount, "");
                if (level != null) {
                    checkUsable.accept(v, level);
                }
                yield level == null ? null : new Action.SelectLevel(level);
            }
            case "press" -> {
                String t = in.text(v);
                Input button = t == null ? null : switch (t.trim()) {
                    case "power" -> Input.POWER_BUTTON;
                    case "plus" -> Input.PLUS_BUTTON;
                    case "minus" -> Input.MINUS_BUTTON;
                    default -> null;
                };
                if (t != null && button == null) {
                    in.problem(v, "'" + t + "' is not a button (power, plus, minus)");
                }
                yield button == null ? null : new Action.Press(button);
            }
            case "pressure_n" -> {
                Double n = in.number(v, 0, 300, "N");
                yield n == null ? null : new Action.SetPressure(n);
            }
            case "moving" -> {
                Boolean b = in.bool(v);
                yield b == null ? null : new Action.SetMoving(b);
            }
            case "inject" -> {
                InjectedFault f = injected(v);
                Duration d = field(m, "for") == null ? Duration.ZERO : in.duration(field(m, "for"), Duration.ofMillis(1), DAY);
                yield f == null || d == null ? null : new Action.Inject(f, d);
            }
            case "clear" -> {
                InjectedFault f = injected(v);
                yield f == null ? null : new Action.Clear(f);
            }
            case "cut_link" -> {
                Duration d = in.duration(v, Duration.ofMillis(1), DAY);
                yield d == null ? null : new Action.Inject(InjectedFault.LINK_DROP, d);
            }
            default -> throw new IllegalStateException(key);
        };
    }

    private InjectedFault injected(YamlNode v) {
        String t = in.text(v);
        if (t == null) {
            return null;
        }
        InjectedFault f = InjectedFault.ofKey(t.trim());
        if (f == null) {
            List<String> keys = new ArrayList<>();
            for (InjectedFault k : InjectedFault.values()) {
                keys.add(k.key());
            }
            in.problem(v, "'" + t + "' is not an injectable fault (" + String.join(", ", keys) + ")");
        }
        return f;
    }

    private YamlNode field(YamlNode.Mapping m, String key) {
        return YamlReader.field(m, key);
    }

    private String text(YamlNode.Mapping m, String key) {
        return field(m, key) == null ? null : in.text(field(m, key));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
