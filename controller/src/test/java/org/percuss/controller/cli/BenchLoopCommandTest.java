package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code percuss bench-loop}: a bad option is one line and exit 2, before anything runs; a short
 * run prints every line of its report. Nothing here asserts a time: the figures are BENCHMARKS.md's.
 */
class BenchLoopCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--rate 5000        | --rate must be 10..1000 Hz, got 5000",
        "--rate 9           | --rate must be 10..1000 Hz, got 9",
        "--rate fast        | 'fast' is not a whole number",
        "--sleep nap        | must be park, park-spin or spin, got 'nap'",
        "--duration 0s      | must be more than 0s and at most 14m, got 0s",
        "--duration 15m     | must be more than 0s and at most 14m, got 15m",
        "--estop -1         | --estop must be 0..10000 trials, got -1",
        "--level 9          | --level: ",
        "--max-p99 -5       | --max-p99 must be 0 or more microseconds, got -5",
        "--realtime-priority 100 | a real-time priority is 1..99 (0 for none), got 100",
        "--realtime-priority high | must be a whole number 0..99, got 'high'",
        "--realtime-priority 5 --sleep spin | --sleep spin at a real-time priority would hold a core for good",
    })
    void aBadOptionIsOneLineAndExitTwo(String args, String says) {
        CliRun run = CliRun.of(("bench-loop " + args).split(" +"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("percuss bench-loop: ").contains(says);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aShortRunReportsTheTicksJitterOverrunsGcCpuAndTheEmergencyStops() {
        CliRun run = CliRun.of("bench-loop", "--rate", "1000", "--duration", "100ms", "--warmup", "0s", "--sleep", "park",
                "--estop", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("bench-loop: 1000 Hz (period 1.000 ms), --sleep park, level 1 on simulator")
                .contains("ticks:", "jitter:       p50 ", "p99.9 ", "overruns:", "gc:", "cpu:          loop thread ",
                        "e-stop input pressed  -> zero command: min ", "(2 trials)",
                        "e-stop report received -> zero command: min ");
    }

    @Test
    void atARealTimePriorityTheLoopRunsThenItsThreadIsNormalAgainOrItSaysWhyItCouldNot() {
        CliRun run = CliRun.of("bench-loop", "--rate", "1000", "--duration", "100ms", "--warmup", "0s",
                "--realtime-priority", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("bench-loop: 1000 Hz").contains("overruns:");
        assertThat(run.err()).matches("|percuss: real-time priority 3 is not permitted .*; the control loop runs at normal priority\\R");
        assertThat(SchedulingPolicy.ofThisThread()).as("the test's thread, which ran the loop").isZero();
    }
}
