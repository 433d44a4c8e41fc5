package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code percuss simulate --seeds} and {@code percuss campaign merge}, end to end through the
 * command line: the summary, determinism whatever the worker threads, shards merged into exactly
 * the single-machine run, failing seeds that reproduce alone, and every bad input refused.
 */
class CampaignCommandTest {

    @TempDir
    Path dir;

    /**
     * A short session whose one tight expectation depends on the sensor noise (so some seeds fail
     * it), and which trips on an injected over-current (so the summary has trip times).
     */
    private static final String NOISY = """
            name: Noise decides
            session: {level: 3, limit: 20s}
            run_for: 21s
            steps:
              - {at: 15s, inject: over-current}
            expect:
              - {at: 5s, state: WARM_UP}
              - {at: 9s, measured_ppm: {min: 1199, max: 1201}}
            """;

    private Path scenario() throws IOException {
        Path p = dir.resolve("noisy.yaml");
        Files.writeString(p, NOISY);
        return p;
    }

    private static final String[] CAMPAIGN = {"--seeds", "3..9", "--sweep", "pressure_n=10,40"};

    private CliRun simulate(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("simulate", scenario().toString()));
        args.addAll(List.of(CAMPAIGN));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The summary without its last line (the wall time, which no two runs share). */
    private static String summary(CliRun run) {
        String out = run.out();
        assertThat(out).containsPattern("ran \\d+ sessions, \\d+ s simulated, in [0-9.]+ s on \\d+ worker threads?");
        return out.substring(0, out.lastIndexOf("ran "));
    }

    @Test
    void aCampaignPrintsCountsFailingSeedsAndTheClosestApproachToEachLimit() throws IOException {
        CliRun run = simulate("--jobs", "2");
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).containsPattern("campaign [0-9a-f]{12}: 14 sessions \\(1 scenario x 2 sweep points "
                + "\\(pressure_n=10,40\\) x seeds 3\\.\\.9\\), \\d+ passed, \\d+ failed");
        assertThat(out).contains("noisy: Noise decides (14 sessions)");
        assertThat(out).containsPattern("      14       0       0  at 5.00 s: state WARM_UP");
        assertThat(out).contains("closest approach to the limits at pressure_n=10 (7 sessions):")
                .contains("closest approach to the limits at pressure_n=40 (7 sessions):")
                .contains("top temperature  p50").contains("trip 80 °C").contains("top current").contains("lowest supply");
        assertThat(out).containsPattern("(?s)pressure_n=10 .*trips +7 of 7 sessions \\(OVER_CURRENT 7\\); "
                + "time to trip p50 15\\.[0-9]{2} s  p95 15\\.[0-9]{2} s  max 15\\.[0-9]{2} s.*pressure_n=40 .*trips +7 of 7");
        assertThat(run.exitCode()).isEqualTo(out.contains(", 0 failed") ? 0 : 1);
    }

    @Test
    void aFailingSeedThatTheSummaryNamesFailsAgainAlone() throws IOException {
        CliRun run = simulate();
        Matcher m = Pattern.compile("failing seeds: (\\d+) \\(pressure_n=(\\d+)\\)").matcher(run.out());
        assertThat(m.find()).as("some seed fails the tight expectation:%n%s", run.out()).isTrue();
        assertThat(run.exitCode()).isEqualTo(1);
        CliRun alone = CliRun.of("simulate", scenario().toString(), "--seed", m.group(1), "--sweep",
                "pressure_n=" + m.group(2));
        assertThat(alone.exitCode()).isEqualTo(1);
        assertThat(alone.out()).contains("FAIL  at 9.00 s: measured_ppm 1199..1201");
    }

    @Test
    void theSameCampaignGivesTheSameSummaryAndRowsWhateverTheWorkerThreads() throws IOException {
        Path one = dir.resolve("one.csv");
        Path three = dir.resolve("three.csv");
        CliRun a = simulate("--jobs", "1", "--summary", one.toString());
        CliRun b = simulate("--jobs", "3", "--summary", three.toString());
        assertThat(summary(b)).isEqualTo(summary(a));
        assertThat(Files.readString(three)).isEqualTo(Files.readString(one));
        assertThat(Files.readAllLines(one)).filteredOn(l -> !l.startsWith("#")).hasSize(15); // the names, 14 rows
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 7})
    void theMergeOfTheShardsIsTheSingleMachineRunRowForRowAndInEveryFigure(int n) throws IOException {
        Path whole = dir.resolve("whole.csv");
        CliRun single = simulate("--jobs", "2", "--summary", whole.toString());
        List<String> shards = new ArrayList<>(List.of("campaign", "merge"));
        for (int k = n; k >= 1; k--) { // any order
            Path shard = dir.resolve("shard-" + k + ".csv");
            CliRun part = simulate("--jobs", Integer.toString(1 + k % 3), "--shard", k + "/" + n, "--summary",
                    shard.toString());
            assertThat(part.exitCode()).isIn(0, 1);
            shards.add(shard.toString());
        }
        Path merged = dir.resolve("merged.csv");
        Path plot = dir.resolve("merged.png");
        shards.addAll(List.of("--summary", merged.toString(), "--plot", plot.toString()));
        CliRun merge = CliRun.of(shards.toArray(String[]::new));
        assertThat(merge.err()).isEmpty();
        assertThat(merge.exitCode()).isEqualTo(single.exitCode());
        assertThat(merge.out()).isEqualTo(summary(single));
        assertThat(Files.readAllLines(merged)).isEqualTo(Files.readAllLines(whole));
        assertThat(Files.readAllBytes(plot)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aPlotDrawsTheHistogramsAsAPng() throws IOException {
        Path png = dir.resolve("c.png");
        CliRun run = simulate("--plot", png.toString());
        assertThat(run.exitCode()).isIn(0, 1);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "--seeds 0|--seeds 0: the number of seeds must be 1..1000000000, got 0",
        "--seeds 5..2|--seeds 5..2: the range runs backwards (5 is after 2); write A..B with A <= B",
        "--seeds ten|--seeds ten: give N (a count, from 1) or A..B",
        "--seeds 9 --jobs 0|--jobs must be 1..1024, got 0",
        "--seeds 1000000000 --sweep pressure_n=1,2,3|--seeds 1..1000000000: 3000000000 sessions on one machine is more than 2147483639; split the campaign with --shard K/N",
        "--seeds 9 --shard 4/3|--shard 4/3: K must be 1..3, got 4",
        "--seeds 9 --shard 0/3|--shard 0/3: K must be 1..3, got 0",
        "--seeds 9 --shard 1of3|--shard 1of3: give K/N, shard K of N, such as 1/4",
        "--seeds 9 --sweep nokey=1|--sweep nokey=1: unknown key 'nokey' (pressure_n, ambient_c, battery_soc, battery_ohms, motor_kv)",
        "--seeds 9 --sweep pressure_n=10,400|--sweep pressure_n=10,400: pressure_n must be 0..300 N, got 400",
        "--seeds 9 --sweep pressure_n=10,x|--sweep pressure_n=10,x: 'x' is not a number",
        "--seeds 9 --sweep pressure_n|--sweep pressure_n: give KEY=v1,v2,...",
        "--seeds 9 --sweep pressure_n=1 --sweep pressure_n=2|--sweep pressure_n is given twice",
        "--seeds 9 --seed 3|--seed and --seeds: give one",
        "--seeds 9 --trace t.csv|--trace records one session, not a campaign",
        "--seeds 9 --record t.rec|--record records one session, not a campaign",
        "--jobs 2|--jobs is for a campaign: give --seeds N too",
        "--shard 1/2|--shard is for a campaign: give --seeds N too",
        "--sweep pressure_n=10,20|--sweep with several values runs a campaign: give --seeds N too",
    })
    void badOptionsAreRefusedWithOneLineAndExitTwo(String argsAndMessage) throws IOException {
        String[] parts = argsAndMessage.split("\\|");
        List<String> args = new ArrayList<>(List.of("simulate", scenario().toString()));
        args.addAll(List.of(parts[0].split(" ")));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("percuss simulate: ").contains(parts[1]).doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeAnythingRuns() throws IOException {
        CliRun run = simulate("--summary", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("percuss simulate: --summary ").contains("is a directory");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void mergeRefusesAFileThatIsNotASummary() throws IOException {
        CliRun run = CliRun.of("campaign", "merge", scenario().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("percuss campaign merge: " + scenario()
                + ": not a percuss campaign summary (its first line is not '# percuss campaign summary 1')");
    }

    @Test
    void mergeRefusesShardsOfDifferentCampaignsMissingOrTwice() throws IOException {
        Path a1 = dir.resolve("a1.csv");
        Path a2 = dir.resolve("a2.csv");
        Path b2 = dir.resolve("b2.csv");
        simulate("--shard", "1/2", "--summary", a1.toString());
        simulate("--shard", "2/2", "--summary", a2.toString());
        CliRun other = CliRun.of("simulate", scenario().toString(), "--seeds", "4", "--shard", "2/2", "--summary",
                b2.toString());
        assertThat(other.exitCode()).isIn(0, 1);

        CliRun mixed = CliRun.of("campaign", "merge", a1.toString(), b2.toString());
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains(b2 + " is campaign ").contains("not shards of one campaign");

        CliRun missing = CliRun.of("campaign", "merge", a2.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).containsPattern("shard 1/2 is missing \\(campaign [0-9a-f]{12} was split in 2\\)");

        CliRun twice = CliRun.of("campaign", "merge", a1.toString(), a1.toString(), a2.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("are both shard 1/2");

        List<String> cut = new ArrayList<>(Files.readAllLines(a2));
        cut.remove(cut.size() - 1);
        Path truncated = dir.resolve("cut.csv");
        Files.write(truncated, cut);
        CliRun shortFile = CliRun.of("campaign", "merge", a1.toString(), truncated.toString());
        assertThat(shortFile.exitCode()).isEqualTo(2);
        assertThat(shortFile.err()).contains(truncated + ": 6 sessions where shard 2/2 has 7");

        List<String> tampered = new ArrayList<>(Files.readAllLines(a2));
        tampered.set(tampered.size() - 1, tampered.get(tampered.size() - 1).replace(",yes,", ",maybe,").replace(",no,", ",maybe,"));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, tampered);
        CliRun badRow = CliRun.of("campaign", "merge", a1.toString(), bad.toString());
        assertThat(badRow.exitCode()).isEqualTo(2);
        assertThat(badRow.err()).contains(bad + ": line " + tampered.size() + ": passed is 'maybe'");
    }
}
