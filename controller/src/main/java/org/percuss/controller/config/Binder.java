package org.percuss.controller.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;

/**
 * Reads the sections of one file by their tables ({@link ConfigSection}), finding every problem:
 * each key is read by its field, a key left out keeps the fallback record's value, and the record
 * is made only when every key read; an {@link InvalidSetting} its constructor throws is reported
 * on the line of the key its path names, found in the file's tree from the root.
 */
final class Binder {

    private final YamlReader in;
    private final YamlNode.Mapping root;

    /** A binder reporting to {@code in}, for the file whose root mapping is {@code root}. */
    Binder(YamlReader in, YamlNode.Mapping root) {
        this.in = in;
        this.root = root;
    }

    /** Where the problems go. */
    YamlReader in() {
        return in;
    }

    /**
     * The section {@code s} declares, at its key in {@code parent}, its keys checked; {@code fallback}
     * when absent or when it has a problem.
     */
    <R> R section(YamlNode.Mapping parent, ConfigSection<R> s, R fallback) {
        YamlNode.Mapping m = in.section(parent, s.key(), s.keys());
        return m == null ? fallback : read(m, s, fallback);
    }

    /**
     * Reads the mapping {@code m} by {@code s}, every key with its field; a key left out keeps its
     * value in {@code fallback}. The record's own checks (the order of its limits) are reported on
     * the line of the key they name.
     */
    <R> R read(YamlNode.Mapping m, ConfigSection<R> s, R fallback) {
        int problems = in.problems().size();
        Map<String, Object> values = new HashMap<>();
        for (ConfigSection.Field<R> f : s.fields()) {
            YamlNode node = YamlReader.field(m, f.key());
            Object v = node == null ? f.current().apply(fallback) : f.form().read(this, node);
            if (v != null) {
                values.put(f.key(), v);
            }
        }
        if (in.problems().size() > problems) {
            return fallback;
        }
        return build(() -> s.build().apply(new ConfigSection.Values(values)), fallback);
    }

    /** The value of {@code setting} in {@code m} (its key is the setting's last part), or {@code fallback} when absent or wrong. */
    Object value(YamlNode.Mapping m, Setting setting, Object fallback) {
        YamlNode node = YamlReader.field(m, setting.key());
        Object v = node == null ? null : in.read(setting, node);
        return v == null ? fallback : v;
    }

    /**
     * Makes a record, reporting an {@link InvalidSetting} it throws on the line of the key it names
     * (found in the file's tree by its path), or of the nearest section written when the key was
     * left at its default.
     */
    <R> R build(Supplier<R> make, R fallback) {
        try {
            return make.get();
        } catch (InvalidSetting e) {
            in.problem(root, e.path(), e.problem());
            return fallback;
        }
    }
}
