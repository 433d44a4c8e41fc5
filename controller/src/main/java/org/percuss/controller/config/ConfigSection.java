package org.percuss.controller.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.percuss.device.setting.Setting;

/**
 * A section of the configuration file, declared by the record it makes: the section's key, its
 * keys, each with how its value is read and where a key left out takes its value from, and how
 * the record is made from the values. {@link Binder} reads every section the same way, so there is
 * no code per key: a new key is a new line in its record's table. A key is mostly a
 * {@link Setting}, declared (with its range) by the record that holds it; a few are words
 * ({@link #choice}), text, or sections of their own ({@link #section}, {@link #chips}).
 *
 * @param key the section's key in the mapping it is in ({@code current}, {@code gpio})
 * @param fields the keys, in the order the documentation lists them
 * @param build makes the record from the values; its constructor checks them, naming the key
 * @param <R> the record
 */
record ConfigSection<R>(String key, List<Field<R>> fields, Function<Values, R> build) {

    /** How a key's value is read: the value, or {@code null} with the problem recorded. */
    @FunctionalInterface
    interface Form {
        Object read(Binder binder, YamlNode node);
    }

    /**
     * One key of a section.
     *
     * @param key the key in the section's mapping
     * @param form how its value is read
     * @param current its value in a record, for a key the file leaves out; {@code null} when the
     *     record has none to give (a key it derives from others, or requires)
     * @param <R> the record
     */
    record Field<R>(String key, Form form, Function<R, Object> current) {
    }

    /** A setting and the record component that holds it. */
    static <R> Field<R> field(Setting setting, Function<R, Object> current) {
        return new Field<>(setting.key(), (b, node) -> b.in().read(setting, node), current);
    }

    /** A duration setting whose component holds whole milliseconds. */
    static <R> Field<R> millis(Setting setting, ToIntFunction<R> current) {
        return field(setting, r -> Duration.ofMillis(current.applyAsInt(r)));
    }

    /** A setting of a section that has no record to fall back on (a sensor's): its default is {@code value}. */
    static <R> Field<R> fixed(Setting setting, Object value) {
        return field(setting, r -> value);
    }

    /** A setting with no default of its own: left out, the record derives it from the others or requires it. */
    static <R> Field<R> derived(Setting setting) {
        return field(setting, r -> null);
    }

    /** The key {@code key}, read by {@code form}. */
    static <R> Field<R> field(String key, Form form, Function<R, Object> current) {
        return new Field<>(key, form, current);
    }

    /** One of a few words, each standing for a value: {@code high} or {@code low}; {@code what} names them ("a level"). */
    static Form choice(String what, Map<String, ?> words) {
        Map<String, ?> sorted = new TreeMap<>(words);
        return (b, node) -> {
            String t = b.in().text(node);
            if (t == null) {
                return null;
            }
            Object v = sorted.get(t.trim().toLowerCase(Locale.ROOT));
            if (v == null) {
                b.in().problem(node, "'" + t + "' is not " + what + ": " + String.join(" or ", sorted.keySet()));
            }
            return v;
        };
    }

    /** A single value as written, for its record to check. */
    static Form text() {
        return (b, node) -> b.in().text(node);
    }

    /** A mapping of its own, read by {@code s}; {@code s}'s fields take their defaults from no record. */
    static Form section(ConfigSection<?> s) {
        return (b, node) -> {
            YamlNode.Mapping m = b.in().mapping(node);
            if (m == null) {
                return null;
            }
            b.in().onlyKeys(m, s.keys());
            return b.read(m, s, null);
        };
    }

    /**
     * A sensor's mapping: its {@code chip} key says which section reads the rest, as an
     * {@link Optional}; {@code what} names the kind ("a current sensor").
     */
    static Form chips(String what, Map<String, ConfigSection<?>> sections) {
        Map<String, ConfigSection<?>> sorted = new TreeMap<>(sections);
        String names = String.join(" or ", sorted.keySet());
        return (b, node) -> {
            YamlNode.Mapping m = b.in().mapping(node);
            if (m == null) {
                return null;
            }
            YamlNode chip = YamlReader.field(m, "chip");
            if (chip == null) {
                b.in().problem(m, "chip: required (" + names + ")");
                return null;
            }
            String t = b.in().text(chip);
            if (t == null) {
                return null;
            }
            ConfigSection<?> s = sorted.get(t.trim().toLowerCase(Locale.ROOT));
            if (s == null) {
                b.in().problem(chip, "'" + t + "' is not " + what + " percuss reads: " + names);
                return null;
            }
            Set<String> keys = new HashSet<>(s.keys());
            keys.add("chip");
            b.in().onlyKeys(m, keys);
            Object sensor = b.read(m, s, null);
            return sensor == null ? null : Optional.of(sensor);
        };
    }

    /** The section {@code key}, made by {@code build} from {@code fields}. */
    @SafeVarargs
    static <R> ConfigSection<R> of(String key, Function<Values, R> build, Field<R>... fields) {
        return new ConfigSection<>(key, List.of(fields), build);
    }

    /** The keys the section knows. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Field<R> f : fields) {
            keys.add(f.key());
        }
        return keys;
    }

    /**
     * The values a record is made of, by key: an Integer, a Double or a Duration, as its setting's
     * kind says, or what a field's form reads. A key the file leaves out and the record gives no
     * value for is absent.
     *
     * @param values by key
     */
    record Values(Map<String, Object> values) {

        /** A whole-number setting's value. */
        int whole(Setting s) {
            return (Integer) values.get(s.key());
        }

        /** A number setting's value. */
        double number(Setting s) {
            return ((Number) values.get(s.key())).doubleValue();
        }

        /** A duration setting's value. */
        Duration duration(Setting s) {
            return (Duration) values.get(s.key());
        }

        /** A duration setting's value in whole milliseconds. */
        int millis(Setting s) {
            return Math.toIntExact(duration(s).toMillis());
        }

        /** Whether {@code s} has a value: given, or the record's. */
        boolean has(Setting s) {
            return values.containsKey(s.key());
        }

        /** The value of {@code key}, or {@code null} when it has none. */
        <T> T get(String key, Class<T> type) {
            return type.cast(values.get(key));
        }
    }
}
