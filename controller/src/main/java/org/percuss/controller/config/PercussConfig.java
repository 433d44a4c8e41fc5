package org.percuss.controller.config;

import java.time.Duration;
import java.util.Locale;
import org.percuss.device.gpio.CurrentSense;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.setting.InvalidSetting;
import org.percuss.device.setting.Setting;
import org.percuss.device.setting.SettingText;

/**
 * Every setting of the controller, with the defaults of DESIGN.md. Immutable; the constructor
 * refuses values outside {@link HardLimits} with an {@link InvalidSetting} naming the setting, so a
 * config that exists is a safe one. Each limit's range is declared once, as a {@link Setting}, by the
 * record that holds it; the loader reads a file with the same settings.
 *
 * @param levels the speed levels
 * @param warmup how long every start and resume holds the lowest level (0..60 s)
 * @param rampPpmPerSecond the fastest speed increase (10..1000 ppm/s); decreases are immediate
 * @param sessionLimit the most running time of one session (positive, at most 15 min)
 * @param sessionWarning how long before the session limit a warning is given
 * @param tickPeriod the control loop's period (10 ms: 100 Hz)
 * @param safety the thresholds of the safety rules
 * @param zones the muscle groups and their budgets
 * @param gpio how a Raspberry Pi rig is wired, for {@code --device gpio}
 */
public record PercussConfig(SpeedLevels levels, Duration warmup, int rampPpmPerSecond, Duration sessionLimit,
                            Duration sessionWarning, Duration tickPeriod, SafetyLimits safety, Zones zones,
                            GpioRig gpio) {

    /** A level's speed, in a file's {@code levels} list and anywhere else. */
    static final Setting LEVEL = Setting.whole("levels", HardLimits.MIN_LEVEL_PPM, HardLimits.MAX_LEVEL_PPM, "ppm");
    /** The warm-up: none at all up to a minute. */
    static final Setting WARMUP = Setting.duration("warmup", Duration.ZERO, HardLimits.MAX_WARMUP);
    /** The ramp's rate. */
    static final Setting RAMP = Setting.whole("ramp_ppm_per_second", HardLimits.MIN_RAMP_PPM_PER_SECOND,
            HardLimits.MAX_RAMP_PPM_PER_SECOND, "ppm/s");
    /**
     * A file's session limit: at least a second, at most the hard limit. (A scenario or the
     * command line may ask for a shorter session; the constructor takes any positive limit.)
     */
    static final Setting SESSION_LIMIT = Setting.duration("session_limit", Duration.ofSeconds(1), HardLimits.MAX_SESSION);

    /** The defaults of DESIGN.md. */
    public static final PercussConfig DEFAULT = new PercussConfig(SpeedLevels.DEFAULT, Duration.ofSeconds(10), 250,
            HardLimits.MAX_SESSION, Duration.ofSeconds(60), Duration.ofMillis(10), SafetyLimits.DEFAULT, Zones.DEFAULT,
            GpioRig.DEFAULT);

    /** @throws InvalidSetting naming the key, when a value is outside its range ({@link HardLimits}) */
    public PercussConfig {
        for (int ppm : levels.ppm()) {
            LEVEL.require(ppm);
        }
        WARMUP.require(warmup);
        RAMP.require(rampPpmPerSecond);
        if (sessionLimit.isNegative() || sessionLimit.isZero() || sessionLimit.compareTo(HardLimits.MAX_SESSION) > 0) {
            throw new InvalidSetting(SESSION_LIMIT.path(), DurationText.format(sessionLimit) + " is outside (0s, "
                    + DurationText.format(HardLimits.MAX_SESSION) + "]");
        }
        if (sessionWarning.isNegative()) {
            throw new IllegalArgumentException("session_warning must not be negative, got " + sessionWarning);
        }
        // A zone's max_level above the last level caps nothing (the default neck's 2 with levels: [1200]):
        // the levels a file gives are all allowed there. A file's own max_level is checked against its levels.
        if (tickPeriod.compareTo(Duration.ofMillis(1)) < 0 || tickPeriod.compareTo(Duration.ofMillis(100)) > 0) {
            throw new IllegalArgumentException("tick_period: " + tickPeriod.toMillis() + " ms is outside 1..100 ms");
        }
        currentSenseSeesTheTrip(gpio, safety);
    }

    /**
     * A rig's current sensor must see the over-current trip: the most it measures ({@code max_amps},
     * the supply's current; the motor's is never more at any duty) must be above
     * {@code current.trip_amps}, or the over-current rule could never trip.
     *
     * @throws InvalidSetting naming the key to change when it is not: {@code max_amps} when the
     *     shunt could measure above the trip, else {@code shunt_ohms}
     */
    private static void currentSenseSeesTheTrip(GpioRig gpio, SafetyLimits safety) {
        if (gpio.sensors().current().isEmpty()) {
            return;
        }
        CurrentSense c = gpio.sensors().current().get();
        double trip = safety.current().tripAmps();
        if (c.maxAmps() > trip) {
            return;
        }
        double fullScale = CurrentSense.MAX_SHUNT_VOLTS / c.shuntOhms();
        if (fullScale > trip) {
            throw CurrentSense.MAX_AMPS.invalid(String.format(Locale.ROOT, "%s A is not above current.trip_amps (%s A): the "
                    + "over-current rule could never trip; a %s Ω shunt measures up to %.2f A", SettingText.number(c.maxAmps()),
                    SettingText.number(trip), SettingText.number(c.shuntOhms()), fullScale));
        }
        throw CurrentSense.SHUNT_OHMS.invalid(String.format(Locale.ROOT, "measures at most %.2f A across %s Ω, not above "
                + "current.trip_amps (%s A): the over-current rule could never trip; fit a smaller shunt (%s Ω measures up to "
                + "%.0f A)", c.maxAmps(), SettingText.number(c.shuntOhms()), SettingText.number(trip),
                SettingText.number(c.shuntOhms() / 10), CurrentSense.MAX_SHUNT_VOLTS / (c.shuntOhms() / 10)));
    }

    public PercussConfig withWarmup(Duration value) {
        return new PercussConfig(levels, value, rampPpmPerSecond, sessionLimit, sessionWarning, tickPeriod, safety, zones, gpio);
    }

    public PercussConfig withSessionLimit(Duration value) {
        return new PercussConfig(levels, warmup, rampPpmPerSecond, value, sessionWarning, tickPeriod, safety, zones, gpio);
    }

    public PercussConfig withLevels(SpeedLevels value) {
        return new PercussConfig(value, warmup, rampPpmPerSecond, sessionLimit, sessionWarning, tickPeriod, safety, zones, gpio);
    }

    public PercussConfig withSafety(SafetyLimits value) {
        return new PercussConfig(levels, warmup, rampPpmPerSecond, sessionLimit, sessionWarning, tickPeriod, value, zones, gpio);
    }

    public PercussConfig withZones(Zones value) {
        return new PercussConfig(levels, warmup, rampPpmPerSecond, sessionLimit, sessionWarning, tickPeriod, safety, value, gpio);
    }

    public PercussConfig withRamp(int ppmPerSecond) {
        return new PercussConfig(levels, warmup, ppmPerSecond, sessionLimit, sessionWarning, tickPeriod, safety, zones, gpio);
    }

    public PercussConfig withGpio(GpioRig value) {
        return new PercussConfig(levels, warmup, rampPpmPerSecond, sessionLimit, sessionWarning, tickPeriod, safety, zones, value);
    }
}
