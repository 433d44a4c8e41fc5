package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --level 0                               | --level must be 1..5, got 0
            --level 6                               | --level must be 1..5, got 6
            --level abc                             | --level
            --limit 16m                             | --limit': must be more than 0s and at most 15m, got 16m
            --limit 0s                              | --limit': must be more than 0s and at most 15m, got 0s
            --limit 99999999999999h                 | --limit': must be more than 0s and at most 15m, got 99999999999999h
            --limit 99999999999999999999h           | --limit': must be more than 0s and at most 15m, got 99999999999999999999h
            --level ３                              | --level': '３' is not a whole number (digits 0-9)
            --level ٣                               | --level': '٣' is not a whole number (digits 0-9)
            --level 99999999999                     | --level': '99999999999' is too large a number
            --limit 5x                              | '5x' is not a duration; write it like 20s, 5m or 1m30s
            --limit 20                              | '20' is not a duration
            --warmup 61s                            | --warmup': must be 0s..1m, got 1m1s
            --time-scale 0.5                        | --time-scale must be 1..1000, got 0.5
            --time-scale 1001                       | --time-scale must be 1..1000, got 1001
            --time-scale NaN                        | --time-scale must be 1..1000, got NaN
            --time-scale 10 --device serial:/dev/x  | --time-scale applies only to --device sim
            --time-scale 10 --device gpio           | --time-scale applies only to --device sim
            --device usb                            | 'usb' is not a device; use sim, serial:PATH[@BAUD] or gpio
            --bogus                                 | Unknown option: '--bogus'
            """)
    void refusesBadInputWithOneLineAndExitTwo(String args, String message) {
        CliRun run = CliRun.of(("run " + args).trim().split("\\s+"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theConfigsWarmupAndSessionLimitHoldUnlessTheOptionsAreGiven() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "warmup: 2s\nsession_limit: 5s\n");
        Path trace = dir.resolve("c.csv");
        CliRun run = CliRun.of("run", "--config", config.toString(), "--level", "2", "--time-scale", "1000", "--trace",
                trace.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("running time: 0:05.00 of 0:05");
        assertThat(TraceFile.read(trace).initialHoldSeconds()).isCloseTo(2.0, within(0.011));

        CliRun given = CliRun.of("run", "--config", config.toString(), "--level", "2", "--time-scale", "1000",
                "--limit", "3s", "--warmup", "2500ms", "--trace", trace.toString());
        assertThat(given.exitCode()).isZero();
        assertThat(given.out()).contains("running time: 0:03.00 of 0:03");
        assertThat(TraceFile.read(trace).initialHoldSeconds()).isCloseTo(2.5, within(0.011));
    }

    @Test
    void aConfigFilesLimitsAreACeilingTheCommandLineMayLowerButNeverRaise() throws Exception {
        // issue 11 item 10: a clinic's session_limit of 5m must not become 10m on the command line
        Path config = Files.writeString(dir.resolve("clinic.yaml"), "warmup: 20s\nsession_limit: 5m\n");
        CliRun longer = CliRun.of("run", "--config", config.toString(), "--limit", "10m", "--time-scale", "1000");
        assertThat(longer.exitCode()).isEqualTo(2);
        assertThat(longer.err().strip()).isEqualTo("percuss run: --limit 10m is above the session_limit of 5m that "
                + config + " sets; the command line may lower it, never raise it");
        CliRun shorter = CliRun.of("run", "--config", config.toString(), "--warmup", "5s", "--time-scale", "1000");
        assertThat(shorter.exitCode()).isEqualTo(2);
        assertThat(shorter.err().strip()).isEqualTo("percuss run: --warmup 5s is below the warmup of 20s that "
                + config + " sets; the command line may lengthen it, never shorten it");
        assertThat(longer.out() + shorter.out()).as("nothing ran").isEmpty();
    }

    @Test
    void aTwentySecondLimitEndsAfterTwentySimulatedSeconds() throws Exception {
        Path trace = dir.resolve("t.csv");
        CliRun run = CliRun.of("run", "--limit", "20s", "--time-scale", "1000", "--trace", trace.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("session limit of 0:20 reached").contains("running time: 0:20.00");
        TraceFile t = TraceFile.read(trace);
        assertThat(t.runningSeconds(0.01)).isCloseTo(20.0, within(0.011));
        assertThat(t.last().commanded()).isZero();
        assertThat(t.last().state()).isEqualTo("FINISHED");
    }

    @Test
    void aFullSessionAtLevelThreeFollowsEveryRuleInItsTrace() throws Exception {
        Path trace = dir.resolve("full.csv");
        CliRun run = CliRun.of("run", "--level", "3", "--time-scale", "1000", "--trace", trace.toString());
        assertThat(run.exitCode()).isZero();
        TraceFile t = TraceFile.read(trace);
        assertThat(t.header()).containsExactly("t_s", "state", "level", "target_ppm", "commanded_ppm",
                "measured_ppm", "current_a", "temperature_c", "supply_v", "faults");
        assertThat(t.firstNonZero().commanded()).isEqualTo(1200);
        assertThat(t.initialHoldSeconds()).isCloseTo(10.0, within(0.001));
        assertThat(t.worstRampExcess(250)).isLessThanOrEqualTo(0.0);
        assertThat(t.worstTickRatePpmPerSecond()).isLessThanOrEqualTo(250.0);
        assertThat(t.topCommanded()).isEqualTo(2200);
        assertThat(t.runningSeconds(0.01)).isBetween(899.99, 900.01);
        double limitAt = t.firstNonZero().t() + 900.0;
        assertThat(t.rows()).filteredOn(r -> r.t() >= limitAt - 1e-9)
                .isNotEmpty().allSatisfy(r -> assertThat(r.commanded()).isZero());
        assertThat(run.out()).contains("session limit of 15:00 reached").contains("top speed:    2200 ppm commanded");
    }

    @Test
    void helpIsAvailableOnEveryCommand() {
        CliRun top = CliRun.of("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("run").contains("Exit codes");
        CliRun run = CliRun.of("run", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--level").contains("--limit").contains("--warmup")
                .contains("--time-scale").contains("--trace").contains("--device");
    }

    @Test
    void aSessionAtARealTimePriorityRunsAndLeavesItsThreadNormalOrSaysWhyItCouldNot() {
        CliRun run = CliRun.of("run", "--limit", "20s", "--time-scale", "1000", "--realtime-priority", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).matches("|percuss: real-time priority 2 is not permitted .*; the control loop runs at normal priority\\R");
        assertThat(SchedulingPolicy.ofThisThread()).as("the test's thread, which ran the loop").isZero();
    }
}
