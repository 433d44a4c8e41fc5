package org.percuss.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.scenario.ScenarioReader;
import org.percuss.simulator.scenario.Scenario;

/**
 * {@code examples/scenarios/fifteen-minute-session.yaml}, the scenario users run and the campaign
 * figures of BENCHMARKS.md use, bundled into the benchmarks jar by the build (from that one file)
 * and read as {@code percuss simulate} reads it: so the jar runs from any directory.
 */
final class ExampleScenario {

    static final String FILE = "fifteen-minute-session.yaml";

    private ExampleScenario() {
    }

    /** The scenario, read for the default configuration. */
    static Scenario fifteenMinuteSession() {
        try (InputStream in = ExampleScenario.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not in the benchmarks jar: build it with "
                        + "./mvnw -B -ntp -Pbench package -DskipTests");
            }
            Path dir = Files.createTempDirectory("percuss-bench");
            Path file = dir.resolve(FILE);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            try {
                ScenarioReader.Result r = ScenarioReader.read(file, PercussConfig.DEFAULT);
                if (!r.ok()) {
                    throw new IllegalStateException(FILE + " does not read: " + r.problems());
                }
                return r.scenario();
            } finally {
                Files.delete(file);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
