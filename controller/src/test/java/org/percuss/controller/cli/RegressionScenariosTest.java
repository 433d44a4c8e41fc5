package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenarios that reproduce defects found in reviews (each failed on the code before its fix), kept
 * under {@code src/test/resources/scenarios}: every expectation in each holds, through the command
 * line. The reproductions that teach something live with the examples instead.
 */
class RegressionScenariosTest {

    private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Arguments> scenariosOnEveryTransport() throws IOException {
        return scenarios().flatMap(f -> Stream.of("direct", "serial", "gpio").map(t -> Arguments.of(f, t)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("scenariosOnEveryTransport")
    void everyExpectationHolds(Path file, String transport) {
        CliRun run = CliRun.of("simulate", "--transport", transport, file.toString());
        assertThat(run.out()).as(run.out()).doesNotContain("FAIL");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("PASS|n/a");
    }
}
