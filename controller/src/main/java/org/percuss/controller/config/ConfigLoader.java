package org.percuss.controller.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.device.gpio.GpioRig;

/**
 * Loads a configuration file (YAML, docs/configuration.md) into a {@link PercussConfig}. A key
 * that is absent keeps its default. Every problem is found in one pass: unknown keys, wrong types,
 * values outside the hard limits, limits in the wrong order; each names the file, the line, the
 * key, the value and what is allowed. A config is returned only when there is none.
 */
public final class ConfigLoader {

    private static final Set<String> TOP = Set.of("levels", "warmup", "ramp_ppm_per_second", "session_limit", "zones",
            "current", "stall", "temperature", "supply", "keep_moving", "stale_telemetry_periods", "gpio");
    private static final int MAX_LEVELS = 10;

    /** A configuration, or the problems that stop it. */
    public record Result(PercussConfig config, List<YamlReader.Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final YamlReader in;

    private ConfigLoader(String source) {
        this.in = new YamlReader(source);
    }

    /** Loads {@code file}; the problems name it as given. */
    public static Result load(Path file) {
        ConfigLoader loader = new ConfigLoader(file.toString());
        try {
            return loader.config(YamlTree.read(InputFile.readYaml(file)));
        } catch (YamlTree.YamlException e) {
            loader.in.problem(e.line(), e.getMessage());
        } catch (FileProblem e) {
            loader.in.problem(0, e.getMessage());
        }
        return new Result(null, loader.in.problems());
    }

    private Result config(YamlNode root) {
        PercussConfig d = PercussConfig.DEFAULT;
        YamlNode.Mapping m = in.mapping(root);
        if (m == null) {
            return new Result(null, in.problems());
        }
        in.onlyKeys(m, TOP);
        SpeedLevels levels = levels(YamlReader.field(m, "levels"), d.levels());
        Duration warmup = (Duration) value(m, PercussConfig.WARMUP, d.warmup());
        int ramp = (Integer) value(m, PercussConfig.RAMP, d.rampPpmPerSecond());
        Duration limit = (Duration) value(m, PercussConfig.SESSION_LIMIT, d.sessionLimit());
        Zones zones = zones(YamlReader.field(m, "zones"), levels.count(), d.zones());
        SafetyLimits safety = safety(m, d.safety());
        GpioRig gpio = gpio(m, d.gpio());
        if (in.problems().isEmpty()) {
            currentSenseCoversTheTrip(m, gpio, safety);
        }
        if (!in.problems().isEmpty()) {
            return new Result(null, in.problems());
        }
        PercussConfig config = build(m, () -> new PercussConfig(levels, warmup, ramp, limit, d.sessionWarning(), d.tickPeriod(),
                safety, zones, gpio), null);
        return new Result(config, in.problems());
    }

    private SpeedLevels levels(YamlNode node, SpeedLevels fallback) {
        if (node == null) {
            return fallback;
        }
        List<YamlNode> items = in.list(node);
        if (items == null) {
            return fallback;
        }
        if (items.isEmpty() || items.size() > MAX_LEVELS) {
            in.problem(node, "must list 1.." + MAX_LEVELS + " levels, got " + items.size());
            return fallback;
        }
        int[] ppm = new int[items.size()];
        boolean ok = true;
        for (int i = 0; i < ppm.length; i++) {
            Integer v = (Integer) PercussConfig.LEVEL.read(in, items.get(i));
            if (v == null) {
                ok = false;
                continue;
            }
            ppm[i] = v;
            if (i > 0 && ppm[i - 1] > 0 && v <= ppm[i - 1]) {
                in.problem(items.get(i), v + " ppm is not above the level before it (" + ppm[i - 1]
                        + " ppm): levels must be ascending");
                ok = false;
            }
        }
        return ok ? new SpeedLevels(ppm) : fallback;
    }

    private Zones zones(YamlNode node, int levelCount, Zones fallback) {
        if (node == null) {
            return fallback;
        }
        YamlNode.Mapping m = in.mapping(node);
        if (m == null) {
            return fallback;
        }
        if (m.entries().isEmpty()) {
            in.problem(node, "must name at least one zone");
            return fallback;
        }
        List<Zone> zones = new ArrayList<>();
        for (var e : m.entries().entrySet()) {
            String name = e.getKey();
            if (!name.matches(Zone.NAME_PATTERN)) {
                in.problem(e.getValue(), "a zone name is lower case letters, digits and dashes");
                continue;
            }
            Duration budget = HardLimits.MAX_SESSION;
            int maxLevel = 0;
            if (!(e.getValue() instanceof YamlNode.Scalar s && s.text() == null)) {
                YamlNode.Mapping z = in.mapping(e.getValue());
                if (z == null) {
                    continue;
                }
                in.onlyKeys(z, Set.of("budget", "max_level"));
                budget = (Duration) value(z, Zone.BUDGET, budget);
                maxLevel = in.integer(z, "max_level", 1, levelCount, "", 0);
            }
            zones.add(new Zone(name, budget, maxLevel));
        }
        return new Zones(zones);
    }

    private SafetyLimits safety(YamlNode.Mapping m, SafetyLimits d) {
        CurrentLimits current = section(m, CurrentLimits.SECTION, d.current());
        StallLimits stall = section(m, StallLimits.SECTION, d.stall());
        ThermalLimits thermal = section(m, ThermalLimits.SECTION, d.thermal());
        SupplyLimits supply = section(m, SupplyLimits.SECTION, d.supply());
        DwellLimits dwell = section(m, DwellLimits.SECTION, d.dwell());
        int stale = (Integer) value(m, SafetyLimits.STALE_TELEMETRY_PERIODS, d.staleTelemetryPeriods());
        return build(m, () -> new SafetyLimits(current, stall, thermal, supply, dwell, stale), d);
    }

    /**
     * Reads the section {@code s} declares, every key with its setting; a key left out keeps its
     * value in {@code fallback}. The record's own checks (the order of its limits) are reported on
     * the line of the key they name.
     */
    private <R> R section(YamlNode.Mapping root, ConfigSection<R> s, R fallback) {
        YamlNode.Mapping m = in.section(root, s.key(), s.keys());
        if (m == null) {
            return fallback;
        }
        int problems = in.problems().size();
        Map<Setting, Object> values = new HashMap<>();
        for (ConfigSection.Field<R> f : s.fields()) {
            values.put(f.setting(), value(m, f.setting(), f.current().apply(fallback)));
        }
        if (in.problems().size() > problems) {
            return fallback;
        }
        return build(root, () -> s.build().apply(new ConfigSection.Values(values)), fallback);
    }

    /** The value of {@code setting} in {@code m} (its key is the setting's last part), or {@code fallback} when absent or wrong. */
    private Object value(YamlNode.Mapping m, Setting setting, Object fallback) {
        YamlNode node = YamlReader.field(m, setting.key());
        Object v = node == null ? null : setting.read(in, node);
        return v == null ? fallback : v;
    }

    /**
     * Makes a record, reporting an {@link InvalidSetting} it throws on the line of the key it names
     * (found in the file's tree by its path), or of the nearest section written when the key was
     * left at its default.
     */
    private <R> R build(YamlNode.Mapping root, Supplier<R> make, R fallback) {
        try {
            return make.get();
        } catch (InvalidSetting e) {
            in.problem(root, e.path(), e.problem());
            return fallback;
        }
    }

    private GpioRig gpio(YamlNode.Mapping m, GpioRig d) {
        YamlNode.Mapping g = in.section(m, "gpio", GpioSection.KEYS);
        return g == null ? d : new GpioSection(in).read(g, d);
    }

    /** A sensor that cannot see the over-current trip limit is a problem of the file, on the sensor's line. */
    private void currentSenseCoversTheTrip(YamlNode.Mapping m, GpioRig gpio, SafetyLimits safety) {
        String problem = PercussConfig.currentSenseProblem(gpio, safety);
        if (problem == null) {
            return;
        }
        // gpio.sensors.current is there, or the rig would have no current sensor
        YamlNode.Mapping c = (YamlNode.Mapping) YamlReader.field((YamlNode.Mapping) YamlReader.field(
                (YamlNode.Mapping) YamlReader.field(m, "gpio"), "sensors"), "current");
        YamlNode at = YamlReader.field(c, "max_amps");
        if (at == null) {
            at = YamlReader.field(c, "shunt_ohms");
        }
        in.problem(at == null ? c.line() : at.line(), at == null ? c.path() : at.path(), problem);
    }
}
