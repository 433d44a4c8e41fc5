package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The contract every {@code percuss} command keeps on any input (issue 10): it ends, within a
 * bound the harness enforces (not a sleep), with exit 0, 1, 2, 3 or 4; an error is told in clear
 * lines of a readable length, never a stack trace or "internal error"; and after an error the motor
 * was never commanded above zero.
 */
final class Contract {

    /** Long enough for a one-second session at --time-scale 1000, a short scenario, a cold JIT. */
    static final Duration BOUND = Duration.ofSeconds(30);
    static final int LONGEST_LINE = 600;

    private Contract() {
    }

    /** Runs {@code args} in this JVM, bounded by {@link #BOUND}, and checks the contract. */
    static CliRun run(String... args) {
        CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.of(args), () -> "percuss " + shown(args) + " did not end");
        holds(run, args);
        return run;
    }

    static void holds(CliRun run, String... args) {
        String what = "percuss " + shown(args) + "\nstdout:\n" + cut(run.out()) + "\nstderr:\n" + cut(run.err());
        assertThat(run.exitCode()).as(what).isIn(0, 1, 2, 3, 4);
        assertThat(run.err()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(run.out()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(what).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(LONGEST_LINE));
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            assertThat(lines).as(what + "\nan error says what was wrong").isNotEmpty();
        }
        if (run.exitCode() == 2) {
            assertThat(run.out()).as(what + "\na refusal starts nothing").doesNotContain("session summary");
        }
    }

    /** A trace left by a run that ended in an error never has the motor above zero after the error. */
    static void motorStoppedAfterTheError(CliRun run, Path trace) throws IOException {
        if (run.exitCode() == 0 || !Files.exists(trace) || Files.size(trace) == 0) {
            return;
        }
        List<String> rows = Files.readAllLines(trace);
        String last = rows.getLast();
        if (last.split(",").length >= 5 && !last.startsWith("t_s")) {
            assertThat(last.split(",")[4]).as("the last row of %s after exit %d", trace, run.exitCode()).isEqualTo("0");
        }
    }

    private static String shown(String... args) {
        return cut(String.join(" ", args));
    }

    private static String cut(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "...(" + s.length() + " characters)";
    }
}
