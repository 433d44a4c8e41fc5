package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private static final String SHORT = """
            session: {level: 2, limit: 20s}
            steps:
              - {at: 15s, name: press, pressure_n: 12}
            expect:
              - {at: 5s, state: WARM_UP, commanded_ppm: 1200}
              - {at: 16s, commanded_ppm: 1700}
            """;

    @Test
    void aPassingScenarioExitsZeroAndSaysHowLongItTook() throws IOException {
        CliRun run = CliRun.of("simulate", file("ok.yaml", SHORT).toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("PASS  at 5.00 s: state WARM_UP, commanded_ppm 1200 (observed WARM_UP, 1200)")
                .contains("ok.yaml:5]").containsPattern("simulated 30\\.0 s in [0-9.]+ s");
    }

    @Test
    void aFailingExpectationExitsOneAndSaysWhatItSaw() throws IOException {
        Path f = file("fail.yaml", SHORT.replace("commanded_ppm: 1700", "commanded_ppm: 2700"));
        CliRun run = CliRun.of("simulate", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  at 16.00 s: commanded_ppm 2700 (observed 1700)  [" + f + ":6]");
    }

    @Test
    void aMalformedFileExitsTwoNamingFileLineAndKeyForEveryProblem() throws IOException {
        Path f = file("bad.yaml", """
                session:
                  level: 9
                  limit: 20x
                speed: fast
                steps:
                  - {at: 5s, inject: gremlins}
                  - {at: 6s}
                expect:
                  - {at: 5s, state: FLYING}
                  - {after: nowhere, within: 1s, fault: OVER_TEMPERATURE}
                """);
        CliRun run = CliRun.of("simulate", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                f + ":4: speed: unknown key (known keys here: description, expect, gun, invariants, name, needs, run_for, seed, session, steps, transport)",
                f + ":2: session.level: 9 is outside 1..5",
                f + ":3: session.limit: '20x' is not a duration; write it like 20s, 5m or 1m30s",
                f + ":6: steps[0].inject: 'gremlins' is not an injectable fault (stall, over-current, thermal-runaway,"
                        + " battery-sag, brown-out, frozen-sensor, noisy-sensor, tachometer-loss, emergency-stop,"
                        + " link-drop, corrupted-bytes, delayed-bytes)",
                f + ":7: steps[1]: a step does exactly one of clear, cut_link, do, inject, level, moving, press, pressure_n; it has none",
                f + ":9: expect[0].state: 'FLYING' is not a state (IDLE, WARM_UP, RAMPING, RUNNING, PAUSED, FAULT,"
                        + " EMERGENCY_STOP, FINISHED)",
                f + ":10: expect[1].after: 'nowhere' is neither a time nor the name of a step");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void invalidYamlAndMissingFilesAreOneLineEach() throws IOException {
        Path f = file("syntax.yaml", "session: {level: 3\nsteps: [\n");
        CliRun run = CliRun.of("simulate", f.toString(), dir.resolve("missing.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).contains(f + ":2: not valid YAML: while parsing a flow mapping: expected ',' or '}', but got :")
                .contains(dir.resolve("missing.yaml") + ": no such file");
    }

    @Test
    void theSameFileAndSeedGiveAByteIdenticalTraceAndAnotherSeedDoesNot() throws IOException {
        Path f = file("noise.yaml", SHORT);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertThat(CliRun.of("simulate", f.toString(), "--trace", a.toString()).exitCode()).isZero();
        assertThat(CliRun.of("simulate", f.toString(), "--trace", b.toString()).exitCode()).isZero();
        assertThat(CliRun.of("simulate", f.toString(), "--seed", "99", "--trace", c.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        assertThat(Files.readAllLines(a)).hasSize(1 + 3001);
    }

    @Test
    void drawsAPlotAndNamesTracesPerScenarioWhenThereAreSeveral() throws IOException {
        Path one = file("one.yaml", SHORT);
        Path two = file("two.yaml", SHORT);
        CliRun run = CliRun.of("simulate", one.toString(), two.toString(), "--trace", dir.resolve("t.csv").toString(),
                "--plot", dir.resolve("p.png").toString());
        assertThat(run.exitCode()).isZero();
        for (String name : new String[] {"t-one.csv", "t-two.csv", "p-one.png", "p-two.png"}) {
            assertThat(dir.resolve(name)).exists();
        }
        byte[] png = Files.readAllBytes(dir.resolve("p-one.png"));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(javax.imageio.ImageIO.read(dir.resolve("p-one.png").toFile()).getWidth()).isEqualTo(1400);
    }

    @Test
    void aStepLevelAboveTheZonesCapIsAProblemOfTheFileNotAnInternalError() throws IOException {
        // issue 11 item 8: this was exit 70 (IllegalArgumentException)
        Path f = file("cap.yaml", """
                session: {level: 1, limit: 1m, zone: neck}
                steps:
                  - {at: 1s, level: 5}
                """);
        CliRun run = CliRun.of("simulate", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":3: steps[0].level: level 5 is above the highest level allowed on zone neck (2)");
    }

    @Test
    void aConfigWhoseLevelsTheSimulatedGunCannotRunIsNamedWithTheLevelAndTheRange() throws IOException {
        Path config = file("c.yaml", "levels: [900, 1700, 2200]\n");
        Path f = file("s.yaml", "session: {level: 1, limit: 1m}\n");
        CliRun run = CliRun.of("simulate", "--config", config.toString(), f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":1: session.level: level 1 (900 ppm) is outside the simulated gun's"
                + " 1000..3500 ppm (usable levels 2..3)");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"direct", "serial", "gpio"})
    void theSameSeedGivesAByteIdenticalTraceOnEveryTransport(String transport) throws IOException {
        Path scenario = Path.of("..", "examples", "scenarios", "noisy-sensor.yaml");
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertThat(CliRun.of("simulate", "--transport", transport, "--trace", a.toString(), scenario.toString()).exitCode())
                .isZero();
        assertThat(CliRun.of("simulate", "--transport", transport, "--trace", b.toString(), scenario.toString()).exitCode())
                .isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        CliRun other = CliRun.of("simulate", "--transport", transport, "--seed", "7", "--trace", b.toString(),
                scenario.toString());
        assertThat(other.exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).as("another seed, another run").isNotEqualTo(Files.readAllBytes(b));
    }

    @Test
    void anUnknownTransportIsRefusedNamingTheChoices() throws IOException {
        CliRun run = CliRun.of("simulate", "--transport", "usb", file("ok.yaml", SHORT).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--transport").contains("must be one of direct, serial, gpio, got 'usb'");
    }
}
