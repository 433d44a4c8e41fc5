package org.percuss.controller.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.percuss.controller.config.CurrentLimits;
import org.percuss.controller.config.DurationText;
import org.percuss.controller.config.DwellLimits;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.SafetyLimits;
import org.percuss.controller.config.SpeedLevels;
import org.percuss.controller.config.StallLimits;
import org.percuss.controller.config.SupplyLimits;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.controller.config.Zone;
import org.percuss.controller.config.Zones;
import org.percuss.device.gpio.GpioRig;

/**
 * A {@link PercussConfig} in a recording's header, as JSON with the keys of a configuration file
 * (docs/configuration.md), plus the two settings a file cannot change ({@code session_warning},
 * {@code tick_period}). Every setting is written, so a replay is built from exactly what the
 * session had, whatever today's defaults; reading is strict, every key required, and the values
 * go through the records' own checks. Durations are written as a configuration file writes them
 * ({@code 1m30s}, {@code 250ms}), or as exact seconds ({@code 0.000000500s}) when that is shorter
 * than a millisecond's precision.
 */
final class ConfigJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConfigJson() {
    }

    static ObjectNode write(PercussConfig c) {
        ObjectNode o = JSON.objectNode();
        ArrayNode levels = o.putArray("levels");
        for (int ppm : c.levels().ppm()) {
            levels.add(ppm);
        }
        o.put("warmup", duration(c.warmup()));
        o.put("ramp_ppm_per_second", c.rampPpmPerSecond());
        o.put("session_limit", duration(c.sessionLimit()));
        o.put("session_warning", duration(c.sessionWarning()));
        o.put("tick_period", duration(c.tickPeriod()));
        ObjectNode zones = o.putObject("zones");
        for (Zone z : c.zones().zones()) {
            ObjectNode zone = zones.putObject(z.name());
            zone.put("budget", duration(z.budget()));
            zone.put("max_level", z.maxLevel());
        }
        SafetyLimits s = c.safety();
        ObjectNode current = o.putObject("current");
        current.put("derate_amps", s.current().derateAmps());
        current.put("derate_after", duration(s.current().derateAfter()));
        current.put("trip_amps", s.current().tripAmps());
        current.put("trip_after", duration(s.current().tripAfter()));
        ObjectNode stall = o.putObject("stall");
        stall.put("fraction", s.stall().fraction());
        stall.put("after", duration(s.stall().after()));
        ObjectNode temperature = o.putObject("temperature");
        temperature.put("derate_from_c", s.thermal().derateFromCelsius());
        temperature.put("lowest_at_c", s.thermal().lowestAtCelsius());
        temperature.put("trip_c", s.thermal().tripCelsius());
        o.putObject("supply").put("trip_volts", s.supply().tripVolts());
        ObjectNode dwell = o.putObject("keep_moving");
        dwell.put("warn_after", duration(s.dwell().warnAfter()));
        dwell.put("derate_after", duration(s.dwell().derateAfter()));
        o.put("stale_telemetry_periods", s.staleTelemetryPeriods());
        GpioRig g = c.gpio();
        ObjectNode gpio = o.putObject("gpio");
        gpio.put("pwm_channel", g.pwmChannel());
        gpio.put("pwm_frequency_hz", g.pwmFrequencyHz());
        gpio.put("tach_pin", g.tachPin());
        gpio.put("tach_pulses_per_revolution", g.tachPulsesPerRevolution());
        gpio.put("full_duty_ppm", g.fullDutyPpm());
        gpio.put("min_ppm", g.minPpm());
        gpio.put("max_ppm", g.maxPpm());
        gpio.put("enable_pin", g.enablePin());
        gpio.put("heartbeat_pin", g.heartbeatPin());
        gpio.put("emergency_stop_pin", g.emergencyStopPin());
        gpio.put("emergency_stop_active", g.emergencyStopActiveHigh() ? "high" : "low");
        gpio.put("power_button_pin", g.powerButtonPin());
        gpio.put("plus_button_pin", g.plusButtonPin());
        gpio.put("minus_button_pin", g.minusButtonPin());
        gpio.put("watchdog", duration(Duration.ofMillis(g.watchdogMillis())));
        gpio.put("sample_period", duration(Duration.ofMillis(g.samplePeriodMillis())));
        return o;
    }

    /**
     * The configuration in {@code in}.
     *
     * @throws Json.Invalid naming the key that is missing or wrong
     */
    static PercussConfig read(Json in) throws Json.Invalid {
        List<Integer> ppm = new ArrayList<>();
        for (Json level : in.array("levels")) {
            ppm.add(level.integer());
        }
        int[] levels = ppm.stream().mapToInt(Integer::intValue).toArray();
        List<Zone> zones = new ArrayList<>();
        Json zoneMap = in.object("zones");
        for (Iterator<Map.Entry<String, JsonNode>> it = zoneMap.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            Json z = zoneMap.object(name);
            zones.add(in.build("zones." + name, () -> new Zone(name, z.duration("budget"), z.integer("max_level"))));
        }
        Json cur = in.object("current");
        CurrentLimits current = new CurrentLimits(cur.number("derate_amps"), cur.duration("derate_after"),
                cur.number("trip_amps"), cur.duration("trip_after"));
        Json st = in.object("stall");
        StallLimits stall = new StallLimits(st.number("fraction"), st.duration("after"));
        Json t = in.object("temperature");
        ThermalLimits thermal = new ThermalLimits(t.number("derate_from_c"), t.number("lowest_at_c"), t.number("trip_c"));
        SupplyLimits supply = new SupplyLimits(in.object("supply").number("trip_volts"));
        Json k = in.object("keep_moving");
        DwellLimits dwell = new DwellLimits(k.duration("warn_after"), k.duration("derate_after"));
        SafetyLimits safety = new SafetyLimits(current, stall, thermal, supply, dwell, in.integer("stale_telemetry_periods"));
        Json g = in.object("gpio");
        String active = g.text("emergency_stop_active");
        if (!active.equals("high") && !active.equals("low")) {
            throw g.invalid("emergency_stop_active", "must be high or low, got " + active);
        }
        GpioRig gpio = in.build("gpio", () -> new GpioRig(g.integer("pwm_channel"), g.integer("pwm_frequency_hz"),
                g.integer("tach_pin"), g.integer("tach_pulses_per_revolution"), g.integer("full_duty_ppm"),
                g.integer("min_ppm"), g.integer("max_ppm"), g.integer("enable_pin"), g.integer("heartbeat_pin"),
                g.integer("emergency_stop_pin"), active.equals("high"), g.integer("power_button_pin"),
                g.integer("plus_button_pin"), g.integer("minus_button_pin"), (int) g.duration("watchdog").toMillis(),
                (int) g.duration("sample_period").toMillis()));
        Zones zoneSet = in.build("zones", () -> new Zones(zones));
        SpeedLevels speedLevels = in.build("levels", () -> new SpeedLevels(levels));
        return in.build("", () -> new PercussConfig(speedLevels, in.duration("warmup"),
                in.integer("ramp_ppm_per_second"), in.duration("session_limit"), in.duration("session_warning"),
                in.duration("tick_period"), safety, zoneSet, gpio));
    }

    /** {@code d} as a configuration file writes it, exactly. */
    static String duration(Duration d) {
        String text = DurationText.format(d);
        try {
            if (DurationText.parse(text).equals(d)) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // "...ns" is not a form the parser reads: write seconds instead
        }
        return new BigDecimal(d.toNanos()).movePointLeft(9).toPlainString() + "s";
    }
}
