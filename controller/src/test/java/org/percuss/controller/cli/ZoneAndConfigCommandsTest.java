package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5's done-when, through the command line as a user types it. */
class ZoneAndConfigCommandsTest {

    @TempDir
    Path dir;

    @Test
    void twoSessionsUseTheZonesBudgetAndAThirdIsRefused() throws IOException {
        Path ledger = dir.resolve("usage.jsonl");
        String[] args = {"run", "--zone", "lower-back", "--level", "2", "--time-scale", "1000", "--limit", "10m",
            "--ledger", ledger.toString()};
        CliRun first = CliRun.of(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("session limit of 10:00 reached").contains("running time: 10:00.00")
                .contains("zone:         lower-back, 10:00 of 15:00 used in the last hour");
        CliRun second = CliRun.of(args);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("the budget of zone lower-back is used up (5:00 were left of it)")
                .contains("running time: 5:00.00");
        CliRun third = CliRun.of(args);
        assertThat(third.exitCode()).isEqualTo(2);
        assertThat(third.err().strip()).matches("percuss run: zone lower-back: 15\\.0 of its 15 minutes used in the last"
                + " 60 minutes; available again at \\d\\d:\\d\\d \\(in 60 min\\)");
        assertThat(third.out()).isEmpty();
        long ms = Files.readAllLines(ledger).stream().mapToLong(l -> Long.parseLong(l.replaceAll(".*\"running_ms\":(\\d+).*", "$1")))
                .sum();
        assertThat(ms).isEqualTo(15 * 60_000L);

        CliRun usage = CliRun.of("usage", "--ledger", ledger.toString());
        assertThat(usage.exitCode()).isZero();
        assertThat(usage.out()).containsPattern("lower-back\\s+15:00 of 15:00 used, available again at \\d\\d:\\d\\d")
                .containsPattern("neck\\s+0:00 of 15:00 used, 15:00 left");
    }

    @Test
    void otherZonesKeepTheirOwnBudgets() throws IOException {
        Path ledger = dir.resolve("u.jsonl");
        CliRun.of("run", "--zone", "calves", "--time-scale", "1000", "--limit", "15m", "--ledger", ledger.toString());
        CliRun arms = CliRun.of("run", "--zone", "arms", "--time-scale", "1000", "--limit", "20s", "--ledger", ledger.toString());
        assertThat(arms.exitCode()).isZero();
        assertThat(arms.out()).contains("session limit of 0:20 reached");
    }

    @Test
    void unknownZonesAndLevelsAboveAZonesMaximumAreRefused() {
        CliRun unknown = CliRun.of("run", "--zone", "elbow", "--ledger", dir.resolve("l").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("percuss run: --zone: unknown zone 'elbow' (zones: neck, shoulders,"
                + " upper-back, lower-back, arms, glutes, thighs, calves)");
        CliRun neck = CliRun.of("run", "--zone", "neck", "--level", "3", "--ledger", dir.resolve("l").toString());
        assertThat(neck.exitCode()).isEqualTo(2);
        assertThat(neck.err().strip()).isEqualTo("percuss run: --level 3 is above the highest level allowed on zone neck (2)");
    }

    @Test
    void configCheckNamesEveryProblemOfTheIssuesExample() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "levels: [1200, 1700, 5000]\nsession_limit: 20m\ncolour: blue\n");
        CliRun run = CliRun.of("config", "check", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(3);
        assertThat(run.err()).contains(f + ":1: levels[2]: 5000 is outside 600..3600 ppm")
                .contains(f + ":2: session_limit: 20m is outside 1s..15m")
                .contains(f + ":3: colour: unknown key");
    }

    @Test
    void aConfigChangesWhatRunDoes() throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "levels: [1000, 1400]\nwarmup: 2s\nsession_limit: 5s\n");
        assertThat(CliRun.of("config", "check", f.toString()).out()).contains("levels:        [1000, 1400] ppm");
        Path trace = dir.resolve("t.csv");
        CliRun run = CliRun.of("run", "--config", f.toString(), "--level", "2", "--time-scale", "1000", "--limit", "5s",
                "--warmup", "2s", "--trace", trace.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        TraceFile t = TraceFile.read(trace);
        assertThat(t.firstNonZero().commanded()).isEqualTo(1000);
        assertThat(t.topCommanded()).isEqualTo(1400);
        assertThat(CliRun.of("run", "--config", f.toString(), "--level", "3").err()).contains("--level must be 1..2, got 3");
        Files.writeString(f, "levels: [1000, 9000]\n");
        CliRun bad = CliRun.of("run", "--config", f.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(f + ":1: levels[1]: 9000 is outside 600..3600 ppm");
    }

    @Test
    void configCheckNamesABadSensorAddressAPinUsedTwiceAndAnEscFrequencyWithFileAndLine() throws Exception {
        Path f = dir.resolve("rig.yaml");
        java.nio.file.Files.writeString(f, """
                gpio:
                  output: esc
                  esc_frequency_hz: 490
                  sensors:
                    current: {chip: ina219, address: 0x80, shunt_ohms: 0.01}
                """);
        CliRun run = CliRun.of("config", "check", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(f + ":3: gpio.esc_frequency_hz: 490 is outside 50..400 Hz")
                .contains(f + ":5: gpio.sensors.current.address: 0x80 is outside 0x03..0x77 (7-bit I2C addresses)");
        java.nio.file.Files.writeString(f, "gpio:\n  plus_button_pin: 2\n  sensors:\n    motion: {chip: mpu6050, bus: 1}\n");
        run = CliRun.of("config", "check", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":4: gpio.sensors.motion.bus: I2C bus 1 needs GPIO2 (SDA), which is "
                + "already gpio.plus_button_pin");
        java.nio.file.Files.writeString(f, "gpio: {sample_period: 100ms, watchdog: 50ms}\n");
        run = CliRun.of("config", "check", f.toString());
        assertThat(run.exitCode()).as("a watchdog shorter than three samples").isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":1: gpio.watchdog: 50ms is outside 300ms..2s (at least three sample "
                + "periods of 100ms)");
        run = CliRun.of("config", "check", java.nio.file.Path.of("..", "examples", "pi-rig.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("gpio sensors:  INA219 at 0x40 on bus 1 (0.01 Ω, up to 32.0 A), MPU-6050 at 0x68 on "
                + "bus 1 (moving above 10 °/s), DS18B20 28-0316a2795fff");
    }
}
