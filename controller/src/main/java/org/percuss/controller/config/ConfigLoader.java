package org.percuss.controller.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private static final Set<String> GPIO_KEYS = Set.of("pwm_channel", "pwm_frequency_hz", "tach_pin",
            "tach_pulses_per_revolution", "full_duty_ppm", "min_ppm", "max_ppm", "enable_pin", "heartbeat_pin",
            "emergency_stop_pin", "emergency_stop_active", "power_button_pin", "plus_button_pin", "minus_button_pin",
            "watchdog", "sample_period");
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
        Duration warmup = duration(m, "warmup", Duration.ZERO, HardLimits.MAX_WARMUP, d.warmup());
        int ramp = integer(m, "ramp_ppm_per_second", HardLimits.MIN_RAMP_PPM_PER_SECOND,
                HardLimits.MAX_RAMP_PPM_PER_SECOND, "ppm/s", d.rampPpmPerSecond());
        Duration limit = duration(m, "session_limit", Duration.ofSeconds(1), HardLimits.MAX_SESSION, d.sessionLimit());
        Zones zones = zones(YamlReader.field(m, "zones"), levels.count(), d.zones());
        SafetyLimits safety = safety(m, d.safety());
        GpioRig gpio = gpio(m, d.gpio());
        if (!in.problems().isEmpty()) {
            return new Result(null, in.problems());
        }
        return new Result(new PercussConfig(levels, warmup, ramp, limit, d.sessionWarning(), d.tickPeriod(), safety, zones,
                gpio), List.of());
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
            Integer v = in.integer(items.get(i), HardLimits.MIN_LEVEL_PPM, HardLimits.MAX_LEVEL_PPM, "ppm");
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
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
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
                budget = duration(z, "budget", Duration.ofSeconds(1), HardLimits.MAX_SESSION, budget);
                maxLevel = integer(z, "max_level", 1, levelCount, "", 0);
            }
            zones.add(new Zone(name, budget, maxLevel));
        }
        return new Zones(zones);
    }

    private SafetyLimits safety(YamlNode.Mapping m, SafetyLimits d) {
        CurrentLimits current = d.current();
        YamlNode.Mapping c = section(m, "current", Set.of("derate_amps", "derate_after", "trip_amps", "trip_after"));
        if (c != null) {
            double derate = number(c, "derate_amps", 0.5, 20, "A", current.derateAmps());
            Duration derateAfter = duration(c, "derate_after", Duration.ofMillis(100), Duration.ofSeconds(10),
                    current.derateAfter());
            double trip = number(c, "trip_amps", 0.5, 30, "A", current.tripAmps());
            Duration tripAfter = duration(c, "trip_after", Duration.ofMillis(10), Duration.ofSeconds(2), current.tripAfter());
            if (trip <= derate) {
                in.problem(c, "trip_amps (" + trip + " A) must be above derate_amps (" + derate + " A)");
            }
            current = new CurrentLimits(derate, derateAfter, trip, tripAfter);
        }
        StallLimits stall = d.stall();
        YamlNode.Mapping st = section(m, "stall", Set.of("fraction", "after"));
        if (st != null) {
            stall = new StallLimits(number(st, "fraction", 0.05, 0.9, "", stall.fraction()),
                    duration(st, "after", Duration.ofMillis(100), Duration.ofSeconds(5), stall.after()));
        }
        ThermalLimits thermal = d.thermal();
        YamlNode.Mapping t = section(m, "temperature", Set.of("derate_from_c", "lowest_at_c", "trip_c"));
        if (t != null) {
            double from = number(t, "derate_from_c", 30, 100, "°C", thermal.derateFromCelsius());
            double lowest = number(t, "lowest_at_c", 30, 110, "°C", thermal.lowestAtCelsius());
            double trip = number(t, "trip_c", 30, 120, "°C", thermal.tripCelsius());
            if (!(from < lowest && lowest < trip)) {
                in.problem(t, "needs derate_from_c < lowest_at_c < trip_c, got " + from + ", " + lowest + ", " + trip);
            }
            thermal = new ThermalLimits(from, lowest, trip);
        }
        SupplyLimits supply = d.supply();
        YamlNode.Mapping s = section(m, "supply", Set.of("trip_volts"));
        if (s != null) {
            supply = new SupplyLimits(number(s, "trip_volts", 6, 30, "V", supply.tripVolts()));
        }
        DwellLimits dwell = d.dwell();
        YamlNode.Mapping k = section(m, "keep_moving", Set.of("warn_after", "derate_after"));
        if (k != null) {
            Duration warn = duration(k, "warn_after", Duration.ofSeconds(1), Duration.ofSeconds(60), dwell.warnAfter());
            Duration derate = duration(k, "derate_after", Duration.ofSeconds(2), Duration.ofSeconds(120), dwell.derateAfter());
            if (derate.compareTo(warn) <= 0) {
                in.problem(k, "derate_after (" + DurationText.format(derate) + ") must be after warn_after ("
                        + DurationText.format(warn) + ")");
            }
            dwell = new DwellLimits(warn, derate);
        }
        int stale = integer(m, "stale_telemetry_periods", 2, 50, "periods", d.staleTelemetryPeriods());
        return new SafetyLimits(current, stall, thermal, supply, dwell, stale);
    }

    private GpioRig gpio(YamlNode.Mapping m, GpioRig d) {
        YamlNode.Mapping g = section(m, "gpio", GPIO_KEYS);
        if (g == null) {
            return d;
        }
        int problems = in.problems().size();
        int pwmChannel = integer(g, "pwm_channel", 0, GpioRig.MAX_PWM_CHANNEL, "", d.pwmChannel());
        int frequency = integer(g, "pwm_frequency_hz", GpioRig.MIN_PWM_HZ, GpioRig.MAX_PWM_HZ, "Hz",
                d.pwmFrequencyHz());
        int tach = pin(g, "tach_pin", false, d.tachPin());
        int pulses = integer(g, "tach_pulses_per_revolution", 1, GpioRig.MAX_PULSES_PER_REVOLUTION, "",
                d.tachPulsesPerRevolution());
        int fullDuty = integer(g, "full_duty_ppm", GpioRig.MIN_PPM, GpioRig.MAX_FULL_DUTY_PPM, "ppm", d.fullDutyPpm());
        int min = integer(g, "min_ppm", GpioRig.MIN_PPM, GpioRig.MAX_PPM, "ppm", d.minPpm());
        int max = integer(g, "max_ppm", GpioRig.MIN_PPM, GpioRig.MAX_PPM, "ppm", d.maxPpm());
        int enable = pin(g, "enable_pin", true, d.enablePin());
        int heartbeat = pin(g, "heartbeat_pin", true, d.heartbeatPin());
        int estop = pin(g, "emergency_stop_pin", false, d.emergencyStopPin());
        boolean activeHigh = d.emergencyStopActiveHigh();
        YamlNode level = YamlReader.field(g, "emergency_stop_active");
        if (level != null) {
            String t = in.text(level);
            if ("high".equals(t) || "low".equals(t)) {
                activeHigh = t.equals("high");
            } else if (t != null) {
                in.problem(level, "'" + t + "' is not a level: high or low");
            }
        }
        int power = pin(g, "power_button_pin", true, d.powerButtonPin());
        int plus = pin(g, "plus_button_pin", true, d.plusButtonPin());
        int minus = pin(g, "minus_button_pin", true, d.minusButtonPin());
        Duration watchdog = duration(g, "watchdog", Duration.ofMillis(3L * GpioRig.MIN_SAMPLE_MS),
                Duration.ofMillis(GpioRig.MAX_WATCHDOG_MS),
                Duration.ofMillis(d.watchdogMillis()));
        Duration sample = duration(g, "sample_period", Duration.ofMillis(GpioRig.MIN_SAMPLE_MS),
                Duration.ofMillis(GpioRig.MAX_SAMPLE_MS),
                Duration.ofMillis(d.samplePeriodMillis()));
        if (in.problems().size() > problems) {
            return d;
        }
        try {
            return new GpioRig(pwmChannel, frequency, tach, pulses, fullDuty, min, max, enable, heartbeat, estop, activeHigh,
                    power, plus, minus, (int) watchdog.toMillis(), (int) sample.toMillis());
        } catch (IllegalArgumentException e) {
            // GpioRig names the key first ("tach_pin: ..."): report it on that key's line when it was given
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            YamlNode at = colon > 0 ? YamlReader.field(g, message.substring(0, colon)) : null;
            if (at != null) {
                in.problem(at, message.substring(colon + 2));
            } else {
                in.problem(g, message);
            }
            return d;
        }
    }

    /** A BCM pin number, or {@code none} for an optional pin left out. */
    private int pin(YamlNode.Mapping m, String key, boolean optional, int fallback) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return fallback;
        }
        if (optional && "none".equals(in.text(node))) {
            return GpioRig.NO_PIN;
        }
        Integer v = in.integer(node, 0, GpioRig.MAX_PIN, "");
        return v == null ? fallback : v;
    }

    private YamlNode.Mapping section(YamlNode.Mapping m, String key, Set<String> keys) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return null;
        }
        YamlNode.Mapping s = in.mapping(node);
        if (s != null) {
            in.onlyKeys(s, keys);
        }
        return s;
    }

    private Duration duration(YamlNode.Mapping m, String key, Duration min, Duration max, Duration fallback) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return fallback;
        }
        Duration d = in.duration(node, min, max);
        return d == null ? fallback : d;
    }

    private int integer(YamlNode.Mapping m, String key, long min, long max, String unit, int fallback) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return fallback;
        }
        Integer v = in.integer(node, min, max, unit);
        return v == null ? fallback : v;
    }

    private double number(YamlNode.Mapping m, String key, double min, double max, String unit, double fallback) {
        YamlNode node = YamlReader.field(m, key);
        if (node == null) {
            return fallback;
        }
        Double v = in.number(node, min, max, unit);
        return v == null ? fallback : v;
    }
}
