package org.percuss.controller.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.percuss.controller.config.HardLimits;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.YamlNode;
import org.percuss.controller.config.YamlReader;
import org.percuss.controller.config.YamlTree;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.files.InputFile;
import org.percuss.controller.loop.SpeedBounds;
import org.percuss.device.api.Capability;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.board.Transport;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.scenario.Applicability;
import org.percuss.simulator.scenario.Expectation;
import org.percuss.simulator.scenario.GunSettings;
import org.percuss.simulator.scenario.Scenario;
import org.percuss.simulator.scenario.SessionSettings;
import org.percuss.simulator.scenario.Step;

/**
 * Reads a scenario file (the format is docs/scenarios.md) into a {@link Scenario}, finding every
 * problem in one pass: unknown keys, wrong types, values out of range, unknown states, faults and
 * step names, each reported with the file, the line and the key. The {@code expect} list is
 * read by {@link ExpectationReader}, once the steps (whose names an expectation may be timed after)
 * are known.
 */
public final class ScenarioReader {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Set<String> TOP = Set.of("name", "description", "seed", "transport", "needs", "gun", "session",
            "run_for", "steps", "expect", "invariants");
    private static final Set<String> GUN = Set.of("ambient_c", "battery_soc", "battery_ohms", "pressure_n", "moving");
    private static final Set<String> SESSION = Set.of("level", "limit", "warmup", "zone", "zone_used", "start");
    private static final Set<String> INVARIANTS = Set.of("max_ppm");

    /** A scenario, or why there is none. */
    public record Result(Scenario scenario, List<YamlReader.Problem> problems) {
        /** Whether the file had no problem. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final YamlReader in;
    private final PercussConfig config;
    private final Map<String, Duration> stepTimes = new HashMap<>();
    /** The levels the session may use: the configuration's, on the simulated gun, under the zone's cap; null when none. */
    private SpeedBounds bounds;
    private String zoneName = "";

    private ScenarioReader(String source, PercussConfig config) {
        this.in = new YamlReader(source);
        this.config = config;
    }

    /** Reads {@code file} for the default configuration. */
    public static Result read(Path file) {
        return read(file, PercussConfig.DEFAULT);
    }

    /** Reads {@code file}, checking levels and zones against {@code config}; problems name the file as given. */
    public static Result read(Path file, PercussConfig config) {
        ScenarioReader r = new ScenarioReader(file.toString(), config);
        try {
            YamlNode root = YamlTree.read(InputFile.readYaml(file));
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Scenario s = r.scenario(root, stem);
            return new Result(r.in.problems().isEmpty() ? s : null, r.in.problems());
        } catch (YamlTree.YamlException e) {
            r.in.problem(e.line(), e.getMessage());
        } catch (FileProblem e) {
            r.in.problem(0, e.getMessage());
        }
        return new Result(null, r.in.problems());
    }

    private Scenario scenario(YamlNode root, String stem) {
        YamlNode.Mapping m = in.mapping(root);
        if (m == null) {
            return null;
        }
        in.onlyKeys(m, TOP);
        String name = orDefault(text(m, "name"), stem);
        String description = orDefault(text(m, "description"), "");
        long seed = field(m, "seed") == null ? 1 : orDefault(in.integer(field(m, "seed"), 0, Integer.MAX_VALUE, ""), 1);
        Transport transport = field(m, "transport") == null ? Transport.DIRECT : transport(field(m, "transport"));
        Set<Capability> needs = needs(field(m, "needs"));
        GunSettings gun = gun(field(m, "gun"));
        SessionSettings session = session(field(m, "session"), m);
        Duration runFor = field(m, "run_for") == null ? session.limit().plusSeconds(10)
                : orDefault(in.duration(field(m, "run_for"), Duration.ofMillis(10), DAY), session.limit());
        List<Step> steps = new StepReader(in, config.levels().count(), this::checkUsable, stepTimes).steps(field(m, "steps"));
        List<Expectation> expectations = new ExpectationReader(in, stepTimes).expectations(field(m, "expect"));
        int maxPpm = 0;
        if (field(m, "invariants") != null) {
            YamlNode.Mapping inv = in.mapping(field(m, "invariants"));
            if (inv != null) {
                in.onlyKeys(inv, INVARIANTS);
                if (field(inv, "max_ppm") != null) {
                    maxPpm = orDefault(in.integer(field(inv, "max_ppm"), HardLimits.MIN_LEVEL_PPM,
                            HardLimits.MAX_LEVEL_PPM, "ppm"), 0);
                }
            }
        }
        return new Scenario(name, description, seed, gun, session, runFor, steps, expectations, maxPpm, transport, needs);
    }

    /** {@code transport: direct|serial|gpio}. */
    private Transport transport(YamlNode node) {
        String t = in.text(node);
        if (t == null) {
            return Transport.DIRECT;
        }
        for (Transport x : Transport.values()) {
            if (x.key().equals(t.trim())) {
                return x;
            }
        }
        in.problem(node, "'" + t + "' is not a transport (direct, serial, gpio)");
        return Transport.DIRECT;
    }

    /** {@code needs: [current_sense, ...]}: the sensors the scenario's point depends on. */
    private Set<Capability> needs(YamlNode node) {
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        if (node == null) {
            return needs;
        }
        List<YamlNode> items = node instanceof YamlNode.Sequence ? in.list(node) : List.of(node);
        if (items == null) {
            return needs;
        }
        for (YamlNode item : items) {
            String t = in.text(item);
            if (t == null) {
                continue;
            }
            Capability found = null;
            for (Capability c : Capability.values()) {
                if (Applicability.key(c).equals(t.trim())) {
                    found = c;
                }
            }
            if (found == null) {
                List<String> known = new ArrayList<>();
                for (Capability c : Capability.values()) {
                    known.add(Applicability.key(c));
                }
                in.problem(item, "'" + t + "' is not something a gun senses (" + String.join(", ", known) + ")");
            } else {
                needs.add(found);
            }
        }
        return needs;
    }

    private GunSettings gun(YamlNode node) {
        GunSettings d = GunSettings.DEFAULT;
        if (node == null) {
            return d;
        }
        YamlNode.Mapping m = in.mapping(node);
        if (m == null) {
            return d;
        }
        in.onlyKeys(m, GUN);
        PhysicsParameters p = d.physics();
        double ambient = number(m, "ambient_c", -40, 60, "°C", p.ambientCelsius());
        double soc = number(m, "battery_soc", 0, 1, "", p.stateOfCharge());
        double ohms = number(m, "battery_ohms", 0.01, 5, "ohm", p.batteryInternalOhms());
        double pressure = number(m, "pressure_n", 0, 300, "N", d.pressureNewtons());
        boolean moving = field(m, "moving") == null ? d.moving() : orDefault(in.bool(field(m, "moving")), d.moving());
        return new GunSettings(new PhysicsParameters(p.motor(), p.contact(), ambient, soc, ohms), pressure, moving);
    }

    /** The session settings in {@code node} ({@code root} for a problem when there is none). */
    private SessionSettings session(YamlNode node, YamlNode root) {
        SessionSettings d = new SessionSettings(1, HardLimits.MAX_SESSION, Duration.ofSeconds(10), "", Duration.ZERO, true);
        YamlNode.Mapping m = node == null ? null : in.mapping(node);
        if (m == null) {
            bounds = usableLevels(root, 0);
            checkUsable(root, d.level());
            return d;
        }
        in.onlyKeys(m, SESSION);
        int levels = config.levels().count();
        int level = field(m, "level") == null ? 1 : orDefault(in.integer(field(m, "level"), 1, levels, ""), 1);
        Duration limit = field(m, "limit") == null ? d.limit()
                : orDefault(in.duration(field(m, "limit"), Duration.ofMillis(10), HardLimits.MAX_SESSION), d.limit());
        Duration warmup = field(m, "warmup") == null ? d.warmup()
                : orDefault(in.duration(field(m, "warmup"), Duration.ZERO, HardLimits.MAX_WARMUP), d.warmup());
        String zone = orDefault(text(m, "zone"), "");
        Duration zoneUsed = Duration.ZERO;
        if (!zone.isEmpty()) {
            var z = config.zones().find(zone);
            if (z.isEmpty()) {
                in.problem(field(m, "zone"), "unknown zone '" + zone + "' (zones: " + String.join(", ", config.zones().names())
                        + ")");
            } else {
                zoneName = zone;
                bounds = usableLevels(m, z.get().maxLevel());
                if (field(m, "zone_used") != null) {
                    Duration budget = z.get().budget();
                    zoneUsed = orDefault(in.duration(field(m, "zone_used"), Duration.ZERO, budget.minusMillis(1)),
                            Duration.ZERO);
                }
            }
        } else if (field(m, "zone_used") != null) {
            in.problem(field(m, "zone_used"), "'zone_used' needs a 'zone'");
        }
        if (zone.isEmpty()) {
            bounds = usableLevels(m, 0);
        }
        checkUsable(field(m, "level") != null ? field(m, "level") : node, level);
        boolean start = field(m, "start") == null || orDefault(in.bool(field(m, "start")), true);
        return new SessionSettings(level, limit, warmup, zone, zoneUsed, start);
    }

    /**
     * The configuration's levels that the simulated gun can run, under {@code zoneMax} (0: none); a
     * problem, and null, when there are none.
     */
    private SpeedBounds usableLevels(YamlNode at, int zoneMax) {
        try {
            return SpeedBounds.of(config.levels(), SimulatedGun.CAPABILITIES).capAt(zoneMax);
        } catch (IllegalArgumentException e) {
            in.problem(at, "the configuration leaves the simulated gun no level to run: " + e.getMessage());
            return null;
        }
    }

    /** A level the session or a step asks for must be one the simulated gun may run, on the zone. */
    private void checkUsable(YamlNode at, int level) {
        if (bounds == null || bounds.usable(level)) {
            return;
        }
        if (!zoneName.isEmpty() && level > bounds.lastLevel()) {
            in.problem(at, "level " + level + " is above the highest level allowed on zone " + zoneName + " ("
                    + bounds.lastLevel() + ")");
        } else {
            in.problem(at, "level " + level + " (" + config.levels().ppmOf(level) + " ppm) is outside the simulated gun's "
                    + SimulatedGun.CAPABILITIES.minPpm() + ".." + SimulatedGun.CAPABILITIES.maxPpm()
                    + " ppm (usable levels " + bounds.firstLevel() + ".." + bounds.lastLevel() + ")");
        }
    }

    private YamlNode field(YamlNode.Mapping m, String key) {
        return YamlReader.field(m, key);
    }

    private String text(YamlNode.Mapping m, String key) {
        return field(m, key) == null ? null : in.text(field(m, key));
    }

    private double number(YamlNode.Mapping m, String key, double min, double max, String unit, double fallback) {
        return field(m, key) == null ? fallback : orDefault(in.number(field(m, key), min, max, unit), fallback);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
