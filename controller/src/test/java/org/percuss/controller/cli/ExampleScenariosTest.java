package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example scenario runs, through the command line, and every expectation in it holds. */
class ExampleScenariosTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExpectationHolds(Path file) {
        CliRun run = CliRun.of("simulate", file.toString());
        assertThat(run.out()).as(run.out()).doesNotContain("FAIL");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PASS").containsPattern("simulated [0-9.]+ s in [0-9.]+ s");
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
