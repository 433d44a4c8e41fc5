package org.percuss.controller.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.percuss.controller.text.Echo;
import org.percuss.device.setting.Setting;

/**
 * Reads typed values out of a {@link YamlTree}, collecting every problem instead of stopping at the
 * first, each naming the file, the line, the key path, the value and what is allowed:
 * {@code percuss.yaml:4: levels[2]: 5000 is outside 600..3600 ppm}. A getter that meets a problem
 * records it and returns {@code null}; the caller skips the value and goes on, and looks at
 * {@link #problems()} at the end.
 */
public final class YamlReader {

    /**
     * One problem with a file.
     *
     * @param source the file, as named to the user
     * @param line the line, 1-based (0 for the file as a whole: it cannot be read)
     * @param path the key path, such as {@code session.limit}
     * @param message what is wrong and what is allowed
     */
    public record Problem(String source, int line, String path, String message) {
        @Override
        public String toString() {
            // line 0: the file as a whole (it cannot be read); no line to name
            return Echo.line(source + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }
    }

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    /** A reader for the file named {@code source} in messages. */
    public YamlReader(String source) {
        this.source = source;
    }

    /** Every problem found so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Records a problem with {@code at}. */
    public void problem(YamlNode at, String message) {
        problems.add(new Problem(source, at.line(), at.path(), message));
    }

    /** Records a problem with the key {@code path} at {@code line} (a key left out: the line of its section). */
    public void problem(int line, String path, String message) {
        problems.add(new Problem(source, line, path, message));
    }

    /**
     * Records a problem with the setting at {@code path} inside {@code from} (dotted: {@code
     * sensors.current.address}), on the line of that key, or of the nearest section on the way
     * when the key was left out; the problem names the whole path from the file's root.
     */
    public void problem(YamlNode.Mapping from, String path, String message) {
        YamlNode at = from;
        for (String part : path.split("\\.")) {
            YamlNode next = at instanceof YamlNode.Mapping mapping ? field(mapping, part) : null;
            if (next == null) {
                break;
            }
            at = next;
        }
        problem(at.line(), (from.path().isEmpty() ? "" : from.path() + ".") + path, message);
    }

    /** The mapping at {@code key} in {@code m}, its keys checked against {@code keys}; {@code null} when absent or not a mapping. */
    public YamlNode.Mapping section(YamlNode.Mapping m, String key, Set<String> keys) {
        YamlNode node = field(m, key);
        if (node == null) {
            return null;
        }
        YamlNode.Mapping s = mapping(node);
        if (s != null) {
            onlyKeys(s, keys);
        }
        return s;
    }

    /** The whole number at {@code key} in {@code m}, in {@code min..max}; {@code fallback} when absent or wrong (reported). */
    public int integer(YamlNode.Mapping m, String key, long min, long max, String unit, int fallback) {
        YamlNode node = field(m, key);
        Integer v = node == null ? null : integer(node, min, max, unit);
        return v == null ? fallback : v;
    }

    /** Records a problem at a line that is not a node (a syntax error). */
    public void problem(int line, String message) {
        problems.add(new Problem(source, line, "", message));
    }

    /** {@code node} as a mapping, or {@code null} with a problem. */
    public YamlNode.Mapping mapping(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        problem(node, "must be a mapping of keys to values, got " + node.describe());
        return null;
    }

    /** {@code node} as a list, or {@code null} with a problem. */
    public List<YamlNode> list(YamlNode node) {
        if (node instanceof YamlNode.Sequence s) {
            return s.items();
        }
        problem(node, "must be a list, got " + node.describe());
        return null;
    }

    /** Records a problem for each key of {@code m} not in {@code known}. */
    public void onlyKeys(YamlNode.Mapping m, Set<String> known) {
        for (var e : m.entries().entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.add(new Problem(source, e.getValue().line(), e.getValue().path(),
                        "unknown key (known keys here: " + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
    }

    /** The value of {@code key} in {@code m}, or {@code null} when absent. */
    public static YamlNode field(YamlNode.Mapping m, String key) {
        return m.entries().get(key);
    }

    /** A scalar's text, or {@code null} with a problem. */
    public String text(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.text() != null) {
            return s.text();
        }
        problem(node, "must be a single value, got " + node.describe());
        return null;
    }

    /**
     * Reads {@code setting}'s value at {@code node}: an {@link Integer} (a whole number, an address,
     * or the value the word {@code none} stands for), a {@link Double} or a {@link Duration} inside
     * the setting's range, or {@code null} with the problem recorded, said as the setting says it.
     */
    public Object read(Setting setting, YamlNode node) {
        String t = text(node);
        if (t == null) {
            return null;
        }
        String s = t.trim();
        if (setting.none().isPresent() && s.equals("none")) {
            return setting.none().getAsInt();
        }
        return switch (setting.kind()) {
            case WHOLE -> whole(setting, node, s, s.matches("[+-]?[0-9]+") ? s : null, 10, "a whole number");
            case ADDRESS -> whole(setting, node, s, s.matches("0[xX][0-9a-fA-F]+") ? s.substring(2) : s.matches("[0-9]+") ? s
                    : null, s.matches("0[xX].*") ? 16 : 10, "an address");
            case NUMBER -> number(setting, node, s);
            case DURATION -> duration(setting, node, t);
        };
    }

    /** A whole number in {@code min..max}, or {@code null} with a problem. */
    public Integer integer(YamlNode node, long min, long max, String unit) {
        return (Integer) read(Setting.whole(node.path(), min, max, unit), node);
    }

    /** A number in {@code min..max}, or {@code null} with a problem. */
    public Double number(YamlNode node, double min, double max, String unit) {
        return (Double) read(Setting.number(node.path(), min, max, unit), node);
    }

    /** A duration ({@code 20s}, {@code 5m}) in {@code min..max}, or {@code null} with a problem. */
    public Duration duration(YamlNode node, Duration min, Duration max) {
        return (Duration) read(Setting.duration(node.path(), min, max), node);
    }

    /** {@code digits} (ASCII only: Long.parseLong would take '３', a full-width digit, for 3) in the range, or {@code null}. */
    private Integer whole(Setting setting, YamlNode node, String text, String digits, int radix, String what) {
        long v;
        try {
            if (digits == null) {
                throw new NumberFormatException(text);
            }
            v = Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            problem(node, "'" + text + "' is not " + what + " (allowed: " + setting.allowed() + ")");
            return null;
        }
        if (v < setting.min() || v > setting.max()) {
            problem(node, setting.outside(v));
            return null;
        }
        return (int) v;
    }

    private Double number(Setting setting, YamlNode node, String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            problem(node, "'" + text + "' is not a number (allowed: " + setting.allowed() + ")");
            return null;
        }
        if (!(v >= setting.min() && v <= setting.max())) {
            problem(node, setting.outside(v));
            return null;
        }
        return v;
    }

    private Duration duration(Setting setting, YamlNode node, String text) {
        Duration d;
        try {
            d = DurationText.parse(text);
        } catch (DurationText.TooLong e) {
            problem(node, e.getMessage() + " (allowed: " + setting.allowed() + ")");
            return null;
        } catch (IllegalArgumentException e) {
            problem(node, e.getMessage());
            return null;
        }
        if (d.compareTo(setting.minDuration()) < 0 || d.compareTo(setting.maxDuration()) > 0) {
            problem(node, setting.outside(d.toNanos()));
            return null;
        }
        return d;
    }

    /** {@code true} or {@code false}, or {@code null} with a problem. */
    public Boolean bool(YamlNode node) {
        String t = text(node);
        if (t == null) {
            return null;
        }
        return switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> {
                problem(node, "'" + t + "' is not true or false");
                yield null;
            }
        };
    }
}
