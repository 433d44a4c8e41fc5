package org.percuss.controller.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    /**
     * A configuration, or the problems that stop it.
     *
     * @param config the configuration, or {@code null} when there is a problem
     * @param problems every problem, in the order of the file's lines (the tables read keys in the
     *     documentation's order; a user reads the file top to bottom)
     */
    public record Result(PercussConfig config, List<YamlReader.Problem> problems) {
        public Result {
            problems = problems.stream().sorted(Comparator.comparingInt(YamlReader.Problem::line)).toList();
        }

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
        Binder b = new Binder(in, m);
        in.onlyKeys(m, TOP);
        SpeedLevels levels = levels(YamlReader.field(m, "levels"), d.levels());
        Duration warmup = (Duration) b.value(m, PercussConfig.WARMUP, d.warmup());
        int ramp = (Integer) b.value(m, PercussConfig.RAMP, d.rampPpmPerSecond());
        Duration limit = (Duration) b.value(m, PercussConfig.SESSION_LIMIT, d.sessionLimit());
        Zones zones = zones(b, YamlReader.field(m, "zones"), levels.count(), d.zones());
        SafetyLimits safety = safety(b, m, d.safety());
        GpioRig gpio = b.section(m, GpioSection.RIG, d.gpio());
        if (!in.problems().isEmpty()) {
            return new Result(null, in.problems());
        }
        PercussConfig config = b.build(() -> new PercussConfig(levels, warmup, ramp, limit, d.sessionWarning(), d.tickPeriod(),
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
            Integer v = (Integer) in.read(PercussConfig.LEVEL, items.get(i));
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

    private Zones zones(Binder b, YamlNode node, int levelCount, Zones fallback) {
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
                budget = (Duration) b.value(z, Zone.BUDGET, budget);
                maxLevel = in.integer(z, "max_level", 1, levelCount, "", 0);
            }
            zones.add(new Zone(name, budget, maxLevel));
        }
        return new Zones(zones);
    }

    private SafetyLimits safety(Binder b, YamlNode.Mapping m, SafetyLimits d) {
        CurrentLimits current = b.section(m, CurrentLimits.SECTION, d.current());
        StallLimits stall = b.section(m, StallLimits.SECTION, d.stall());
        ThermalLimits thermal = b.section(m, ThermalLimits.SECTION, d.thermal());
        SupplyLimits supply = b.section(m, SupplyLimits.SECTION, d.supply());
        DwellLimits dwell = b.section(m, DwellLimits.SECTION, d.dwell());
        int stale = (Integer) b.value(m, SafetyLimits.STALE_TELEMETRY_PERIODS, d.staleTelemetryPeriods());
        return b.build(() -> new SafetyLimits(current, stall, thermal, supply, dwell, stale), d);
    }
}
