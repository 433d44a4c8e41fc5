package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example scenario runs through the command line on every transport (the simulated board
 * directly, the real serial driver over a simulated wire, the real Pi driver on mock pins), and
 * every expectation in it holds, or is reported as not applicable on that transport with its reason;
 * recorded as it runs, it replays identically on the same controller.
 */
class ExampleScenariosTest {

    @TempDir
    Path dir;

    private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Arguments> examplesOnEveryTransport() throws IOException {
        return examples().flatMap(f -> Stream.of("direct", "serial", "gpio").map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("examplesOnEveryTransport")
    void everyExpectationHoldsOrSaysWhyItDoesNotApply(Path file, String transport) {
        Path recording = dir.resolve("run.rec");
        CliRun run = CliRun.of("simulate", "--transport", transport, file.toString(), "--record", recording.toString());
        assertThat(run.out()).as(run.out()).doesNotContain("FAIL");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("simulated [0-9.]+ s in [0-9.]+ s \\(" + transport + "\\)");
        assertThat(run.out().lines().filter(l -> l.startsWith("  n/a ")))
                .allSatisfy(l -> assertThat(l).startsWith("  n/a   n/a on " + transport + ": "));
        if (transport.equals("direct")) {
            assertThat(run.out()).as("the simulated board senses everything").contains("PASS").doesNotContain("n/a");
        }
        CliRun replay = CliRun.of("replay", recording.toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).containsPattern("identical: [\\d,]+ ticks");
    }

    @Test
    void theGpioTransportJudgesTheRulesItsSensorsAllowAndSaysWhichItCannot() {
        CliRun stall = CliRun.of("simulate", "--transport", "gpio", EXAMPLES.resolve("tachometer-loss.yaml").toString());
        assertThat(stall.out()).doesNotContain("n/a").contains("PASS");
        // the rig's INA219, MPU-6050 and NTC on an ADS1115 switch the current, supply, motion and temperature rules on
        for (String sensed : new String[] {"thermal-runaway.yaml", "over-current.yaml", "excessive-pressure.yaml",
            "battery-sag.yaml", "keep-moving.yaml"}) {
            CliRun run = CliRun.of("simulate", "--transport", "gpio", EXAMPLES.resolve(sensed).toString());
            assertThat(run.out()).as(sensed).doesNotContain("n/a").contains("PASS");
        }
        CliRun frozen = CliRun.of("simulate", "--transport", "gpio", EXAMPLES.resolve("frozen-sensor.yaml").toString());
        assertThat(frozen.out()).contains("n/a on gpio: cannot inject frozen-sensor (a rig has no board-side backstop")
                .containsPattern("\\d+ of \\d+ expectations not applicable on gpio");
        CliRun link = CliRun.of("simulate", "--transport", "gpio", EXAMPLES.resolve("link-drop.yaml").toString());
        assertThat(link.out()).contains("n/a on gpio: cannot inject link-drop (no link");
    }

    @Test
    void thereAreAtLeastTwelveCoveringEveryInjectableFault() throws IOException {
        List<Path> files = examples().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("fifteen-minute-session.yaml");
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            all.append(Files.readString(f));
        }
        for (var fault : org.percuss.simulator.fault.InjectedFault.values()) {
            String used = fault == org.percuss.simulator.fault.InjectedFault.LINK_DROP ? "cut_link" : "inject: " + fault.key();
            assertThat(all).as("an example injects " + fault.key()).contains(used);
        }
    }
}
