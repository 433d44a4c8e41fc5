package org.percuss.controller.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A section of the configuration file, declared by the record it makes: the section's key, its
 * settings, each with the record component that holds it (where a key left out takes its value
 * from), and how the record is made from the values. The loader reads every section the same way,
 * so there is no code per key: a new key is a new line in its record's table.
 *
 * @param key the section's key at the file's root ({@code current})
 * @param fields the settings, in the order the documentation lists them
 * @param build makes the record from the values; its constructor checks them
 * @param <R> the record
 */
record ConfigSection<R>(String key, List<Field<R>> fields, Function<Values, R> build) {

    /**
     * One setting of a section and the record component that holds it.
     *
     * @param setting the key, kind and range
     * @param current the component's value in a record, for a key the file leaves out
     * @param <R> the record
     */
    record Field<R>(Setting setting, Function<R, Object> current) {
    }

    /** A setting and its component. */
    static <R> Field<R> field(Setting setting, Function<R, Object> current) {
        return new Field<>(setting, current);
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
            keys.add(f.setting().key());
        }
        return keys;
    }

    /**
     * The values a record is made of, one for each of its settings.
     *
     * @param values by setting: an Integer, a Double or a Duration, as its kind says
     */
    record Values(Map<Setting, Object> values) {

        /** A whole-number setting's value. */
        int whole(Setting s) {
            return (Integer) values.get(s);
        }

        /** A number setting's value. */
        double number(Setting s) {
            return ((Number) values.get(s)).doubleValue();
        }

        /** A duration setting's value. */
        Duration duration(Setting s) {
            return (Duration) values.get(s);
        }
    }
}
