package org.percuss.controller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.files.InputFile;
import org.percuss.device.gpio.GpioRig;
import org.percuss.device.setting.InvalidSetting;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigLoader.Result load(String yaml) throws IOException {
        Path f = dir.resolve("percuss.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    @Test
    void anEmptyFileIsTheDefaults() throws IOException {
        ConfigLoader.Result r = load("");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config()).isEqualTo(PercussConfig.DEFAULT);
    }

    @Test
    void readsEveryKey() throws IOException {
        ConfigLoader.Result r = load("""
                levels: [1000, 1500, 2000, 2500]
                warmup: 20s
                ramp_ppm_per_second: 100
                session_limit: 10m
                zones:
                  back: {budget: 12m}
                  neck: {budget: 5m, max_level: 2}
                  feet:
                current: {derate_amps: 2.5, derate_after: 2s, trip_amps: 3.5, trip_after: 200ms}
                stall: {fraction: 0.25, after: 400ms}
                temperature: {derate_from_c: 55, lowest_at_c: 70, trip_c: 78}
                supply: {trip_volts: 13.2}
                keep_moving: {warn_after: 15s, derate_after: 30s}
                stale_telemetry_periods: 8
                """);
        assertThat(r.problems()).isEmpty();
        PercussConfig c = r.config();
        assertThat(c.levels().ppm()).containsExactly(1000, 1500, 2000, 2500);
        assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.rampPpmPerSecond()).isEqualTo(100);
        assertThat(c.sessionLimit()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.zones().zones()).containsExactly(new Zone("back", Duration.ofMinutes(12), 0),
                new Zone("neck", Duration.ofMinutes(5), 2), new Zone("feet", Duration.ofMinutes(15), 0));
        SafetyLimits s = c.safety();
        assertThat(s.current()).isEqualTo(new CurrentLimits(2.5, Duration.ofSeconds(2), 3.5, Duration.ofMillis(200)));
        assertThat(s.stall()).isEqualTo(new StallLimits(0.25, Duration.ofMillis(400)));
        assertThat(s.thermal()).isEqualTo(new ThermalLimits(55, 70, 78));
        assertThat(s.supply()).isEqualTo(new SupplyLimits(13.2));
        assertThat(s.dwell()).isEqualTo(new DwellLimits(Duration.ofSeconds(15), Duration.ofSeconds(30)));
        assertThat(s.staleTelemetryPeriods()).isEqualTo(8);
    }

    @Test
    void namesEveryBadKeyItsValueAndTheAllowedRangeInOneRun() throws IOException {
        ConfigLoader.Result r = load("""
                levels: [1200, 1700, 5000]
                session_limit: 20m
                colour: blue
                """);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                dir.resolve("percuss.yaml") + ":3: colour: unknown key (known keys here: current, gpio, keep_moving, levels,"
                        + " ramp_ppm_per_second, session_limit, stale_telemetry_periods, stall, supply, temperature, warmup, zones)",
                dir.resolve("percuss.yaml") + ":1: levels[2]: 5000 is outside 600..3600 ppm",
                dir.resolve("percuss.yaml") + ":2: session_limit: 20m is outside 1s..15m");
    }

    /**
     * A rule between two keys names the key it is about, on that key's own line, in the file's
     * words and units; a key left at its default is reported where its section begins.
     */
    @Test
    void aRuleBetweenKeysIsReportedOnTheLineOfTheKeyItNames() throws IOException {
        ConfigLoader.Result r = load("""
                current:
                  derate_amps: 3.5
                  trip_amps: 3
                temperature:
                  trip_c: 70
                """);
        assertThat(r.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                dir.resolve("percuss.yaml") + ":3: current.trip_amps: 3 A must be above derate_amps (3.5 A)",
                dir.resolve("percuss.yaml") + ":5: temperature.trip_c: 70 °C must be above lowest_at_c (75 °C)");
        ConfigLoader.Result left = load("""
                keep_moving:
                  warn_after: 25s
                """);
        assertThat(left.problems()).extracting(Object::toString).containsExactly(
                dir.resolve("percuss.yaml") + ":2: keep_moving.derate_after: 20s must be after warn_after (25s)");
    }

    /** The records check their own ranges, with the same words: a limit has one owner, whoever builds it. */
    @Test
    void aRecordRefusesWhatTheLoaderRefusesNamingTheKey() {
        assertThatThrownBy(() -> new CurrentLimits(3.0, Duration.ofSeconds(1), 31, Duration.ofMillis(100)))
                .isInstanceOf(InvalidSetting.class).hasMessage("current.trip_amps: 31 is outside 0.5..30 A");
        assertThatThrownBy(() -> new StallLimits(0.3, Duration.ofMillis(50)))
                .isInstanceOf(InvalidSetting.class).hasMessage("stall.after: 50ms is outside 100ms..5s");
        assertThatThrownBy(() -> PercussConfig.DEFAULT.withRamp(5))
                .isInstanceOf(InvalidSetting.class).hasMessage("ramp_ppm_per_second: 5 is outside 10..1000 ppm/s");
    }

    @Test
    void findsEveryKindOfProblem() throws IOException {
        ConfigLoader.Result r = load("""
                levels: [1700, 1200]
                warmup: 61s
                ramp_ppm_per_second: fast
                zones:
                  Neck: {budget: 5m}
                  back: {budget: 16m, max_level: 9, colour: red}
                current: {derate_amps: 4, trip_amps: 3}
                temperature: {derate_from_c: 70, lowest_at_c: 65}
                keep_moving: {warn_after: 20s, derate_after: 10s}
                stale_telemetry_periods: 1
                """);
        assertThat(r.problems()).extracting(p -> p.line() + " " + p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                "1 levels[1]: 1200 ppm is not above the level before it (1700 ppm): levels must be ascending",
                "2 warmup: 1m1s is outside 0s..1m",
                "3 ramp_ppm_per_second: 'fast' is not a whole number (allowed: 10..1000 ppm/s)",
                "5 zones.Neck: a zone name is lower case letters, digits and dashes",
                "6 zones.back.colour: unknown key (known keys here: budget, max_level)",
                "6 zones.back.budget: 16m is outside 1s..15m",
                "6 zones.back.max_level: 9 is outside 1..5",
                "7 current.trip_amps: 3 A must be above derate_amps (4 A)",
                "8 temperature.lowest_at_c: 65 °C must be above derate_from_c (70 °C)",
                "9 keep_moving.derate_after: 10s must be after warn_after (20s)",
                "10 stale_telemetry_periods: 1 is outside 2..50 periods");
    }

    @Test
    void readsTheRaspberryPiRig() throws IOException {
        ConfigLoader.Result r = load("""
                gpio:
                  pwm_channel: 1
                  pwm_frequency_hz: 25000
                  tach_pin: 22
                  tach_pulses_per_revolution: 2
                  full_duty_ppm: 4000
                  min_ppm: 1100
                  max_ppm: 3300
                  enable_pin: none
                  heartbeat_pin: 26
                  emergency_stop_pin: 4
                  emergency_stop_active: low
                  power_button_pin: none
                  plus_button_pin: none
                  minus_button_pin: none
                  watchdog: 300ms
                  sample_period: 10ms
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().gpio()).isEqualTo(new GpioRig(1, 25_000, 22, 2, 4000, 1100, 3300, GpioRig.NO_PIN, 26, 4, false,
                GpioRig.NO_PIN, GpioRig.NO_PIN, GpioRig.NO_PIN, 300, 10));
    }

    @Test
    void aBadRigNamesTheKeyOnItsLine() throws IOException {
        ConfigLoader.Result r = load("""
                gpio:
                  tach_pin: 18
                  emergency_stop_active: sideways
                  power_button_pin: 40
                """);
        assertThat(r.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                dir.resolve("percuss.yaml") + ":3: gpio.emergency_stop_active: 'sideways' is not a level: high or low",
                dir.resolve("percuss.yaml") + ":4: gpio.power_button_pin: 40 is outside 0..27");
        // with the values that parse, the rig itself is checked: GPIO18 is the PWM output
        assertThat(load("gpio:\n  tach_pin: 18\n").problems()).extracting(Object::toString).containsExactly(
                dir.resolve("percuss.yaml") + ":2: gpio.tach_pin: GPIO18 is the PWM output of pwm_channel 0");
    }

    @Test
    void brokenFilesAreOneProblemEach() throws IOException {
        assertThat(load("levels: [1200\n").problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isPositive();
        });
        assertThat(load("- a list\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("must be a mapping"));
        assertThat(ConfigLoader.load(dir.resolve("nope.yaml")).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).endsWith("nope.yaml: no such file"));
    }

    @Test
    void aFileTooLargeALineTooLongAndAFileThatIsNotOneAreRefusedNamingTheLimit() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(InputFile.YAML_LIMIT_BYTES) + "\n");
        assertThat(ConfigLoader.load(big).problems()).singleElement().asString()
                .isEqualTo(big + ": is 1.0 MiB, more than the 1 MiB a YAML file may have");
        Path longLine = dir.resolve("long.yaml");
        Files.writeString(longLine, "levels: [1200]\n# " + "x".repeat(InputFile.YAML_LINE_LIMIT_BYTES) + "\n");
        assertThat(ConfigLoader.load(longLine).problems()).singleElement().asString()
                .isEqualTo(longLine + ": line 2 is longer than the 64 KiB a line of a YAML file may have");
        assertThat(ConfigLoader.load(dir).problems()).singleElement().asString().isEqualTo(dir + ": is a directory, not a file");
        assertThat(ConfigLoader.load(Path.of("/dev/zero")).problems()).singleElement().asString()
                .isEqualTo("/dev/zero: is a character device, not a regular file");
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
        assertThat(ConfigLoader.load(latin1).problems()).singleElement().asString()
                .isEqualTo(latin1 + ": is not UTF-8 text (line 1, byte 4)");
    }

    @Test
    void oneLevelIsAValidConfigAndTheNecksDefaultCapCapsNothingThen() throws IOException {
        ConfigLoader.Result r = load("levels: [1200]\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.config().zones().find("neck").orElseThrow().allows(1)).isTrue();
        assertThat(load("levels: [1200]\nzones:\n  neck:\n    max_level: 2\n").problems()).singleElement().asString()
                .endsWith(":4: zones.neck.max_level: 2 is outside 1..1");
    }

    @Test
    void theExampleConfigIsValidAndSaysWhatTheDefaultsAre() {
        ConfigLoader.Result r = ConfigLoader.load(Path.of("..", "examples", "percuss.yaml"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.config()).isEqualTo(PercussConfig.DEFAULT);
    }
}
