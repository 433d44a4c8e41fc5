package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --record}, {@code simulate --record}, {@code replay} and {@code plot} as a tester uses them. */
class RecordReplayPlotCommandsTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    static Path dir;

    /** README's example: a 2-minute session at level 3, recorded. */
    static Path run;
    /** The thermal-runaway scenario, recorded. */
    static Path thermal;

    @BeforeAll
    static void record() {
        run = dir.resolve("r.rec");
        CliRun r = CliRun.of("run", "--level", "3", "--time-scale", "1000", "--limit", "2m", "--record", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        thermal = dir.resolve("thermal.rec");
        CliRun s = CliRun.of("simulate", "../examples/scenarios/thermal-runaway.yaml", "--record", thermal.toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
    }

    @Test
    void aRecordedRunReplaysIdentically() {
        CliRun replay = CliRun.of("replay", run.toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).contains(run + ": percuss run --level 3 --time-scale 1000 --limit 2m --record " + run)
                .containsPattern("recorded \\S+Z by percuss .+ \\(format 2\\) on simulator: 12,001 ticks, 120\\.00 s, [0-9.]+ KiB")
                .containsPattern("identical: 12,001 ticks \\(120\\.00 s\\), replayed in [0-9.]+ s");
        assertThat(replay.err()).isEmpty();
    }

    @Test
    void aLowerTripTemperatureNamesTheEarlierTrip() throws Exception {
        Path c = Files.writeString(dir.resolve("c.yaml"), "temperature:\n  trip_c: 78\n");
        CliRun replay = CliRun.of("replay", thermal.toString(), "--config", c.toString());
        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out()).containsPattern("diverged at tick [\\d,]+ \\(t = \\d+\\.\\d\\d s\\): state")
                .containsPattern("rule: +ThermalRule \\(temperature: trip_c\\): trip: over temperature")
                .containsPattern("open loop from \\d+\\.\\d\\d s on: the recorded telemetry no longer answers the new commands")
                .containsPattern("  OVER_TEMPERATURE trip at [5-8]\\d\\d\\.\\d\\d s instead of 859\\.44 s");
    }

    @Test
    void anotherConfigurationKeepsTheRecordedCommandLinesLimit() throws Exception {
        Path c = Files.writeString(dir.resolve("hot.yaml"), "temperature:\n  trip_c: 90\n  lowest_at_c: 85\n");
        CliRun replay = CliRun.of("replay", run.toString(), "--config", c.toString());
        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).as("--limit 2m still holds; nothing in a 2-minute run gets hot")
                .contains("identical with " + c + ": 12,001 ticks (120.00 s); nothing changes");
    }

    @Test
    void whatIsNotAUsableRecordingGetsOneLineAndExitTwo() throws Exception {
        byte[] good = Files.readAllBytes(run);
        byte[] newer = good.clone();
        newer[8] = 7;
        byte[] garbage = good.clone();
        for (int i = good.length / 3; i < good.length / 3 + 64; i++) {
            garbage[i] ^= 0x55;
        }
        Path trace = dir.resolve("t.csv");
        assertThat(CliRun.of("run", "--time-scale", "1000", "--limit", "2s", "--trace", trace.toString()).exitCode()).isZero();
        Object[][] cases = {
            {Files.writeString(dir.resolve("c.yaml2"), "levels: [1200]\n"), "not a percuss recording"},
            {trace, "a trace (CSV), not a recording: percuss plot draws it"},
            {Files.write(dir.resolve("newer.rec"), newer), "recorded in format version 7 by a newer percuss"},
            {Files.write(dir.resolve("short.rec"), Arrays.copyOf(good, 100)), "truncated header"},
            {Files.write(dir.resolve("garbage.rec"), garbage), "; --until-error replays the ticks before it"},
            {dir.resolve("missing.rec"), "no such file"},
            {dir, "is a directory"},
        };
        for (Object[] c : cases) {
            CliRun replay = CliRun.of("replay", c[0].toString());
            assertThat(replay.exitCode()).as(c[0] + ": " + replay.out() + replay.err()).isEqualTo(2);
            assertThat(replay.err()).startsWith("percuss replay: " + c[0] + ": ").contains((String) c[1]);
            assertThat(replay.err().strip().lines()).hasSize(1);
            assertThat(replay.out()).isEmpty();
        }
        CliRun damaged = CliRun.of("replay", dir.resolve("garbage.rec").toString(), "--until-error");
        assertThat(damaged.exitCode()).as(damaged.out() + damaged.err()).isZero();
        assertThat(damaged.out()).containsPattern("recording read up to damage at t = \\d+\\.\\d\\d s")
                .containsPattern("identical: [\\d,]+ ticks");
    }

    @Test
    void aRecordingCutOffReplaysWhatItHolds() throws Exception {
        byte[] good = Files.readAllBytes(run);
        Path cut = Files.write(dir.resolve("cut.rec"), Arrays.copyOf(good, good.length * 2 / 3));
        CliRun replay = CliRun.of("replay", cut.toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).containsPattern("recording ends early at t = \\d+\\.\\d\\d s \\([\\d,]+ ticks\\): its last block")
                .contains("identical: ");
    }

    @Test
    void plotDrawsARecordingATraceAndAReplay() throws Exception {
        CliRun plot = CliRun.of("plot", thermal.toString());
        assertThat(plot.exitCode()).as(plot.err()).isZero();
        assertThat(Arrays.copyOf(Files.readAllBytes(dir.resolve("thermal.png")), 4)).isEqualTo(PNG);

        Path trace = dir.resolve("trace.csv");
        assertThat(CliRun.of("simulate", "../examples/scenarios/emergency-stop.yaml", "--trace", trace.toString()).exitCode())
                .isZero();
        Path out = dir.resolve("from-trace.png");
        CliRun fromTrace = CliRun.of("plot", trace.toString(), "--output", out.toString());
        assertThat(fromTrace.exitCode()).as(fromTrace.err()).isZero();
        assertThat(Arrays.copyOf(Files.readAllBytes(out), 4)).isEqualTo(PNG);

        Path replayed = dir.resolve("replayed.png");
        CliRun replay = CliRun.of("replay", run.toString(), "--plot", replayed.toString());
        assertThat(replay.exitCode()).isZero();
        assertThat(Arrays.copyOf(Files.readAllBytes(replayed), 4)).isEqualTo(PNG);
    }

    @Test
    void plotRefusesWhatItCannotDrawAndWhereItCannotWrite() throws Exception {
        Path yaml = Files.writeString(dir.resolve("p.yaml"), "levels: [1200]\n");
        CliRun notOne = CliRun.of("plot", yaml.toString(), "-o", dir.resolve("p.png").toString());
        assertThat(notOne.exitCode()).isEqualTo(2);
        assertThat(notOne.err()).startsWith("percuss plot: " + yaml + ": not a percuss recording");
        Path badTrace = Files.writeString(dir.resolve("bad.csv"),
                "t_s,state,level,target_ppm,commanded_ppm,measured_ppm,current_a,temperature_c,supply_v,faults\n"
                        + "0.000,NAPPING,1,0,0,0,0.000,25.0,16.000,\n");
        CliRun bad = CliRun.of("plot", badTrace.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("percuss plot: " + badTrace + ": line 2: state 'NAPPING' is not what a trace"
                + " holds there");
        CliRun intoDir = CliRun.of("plot", run.toString(), "-o", dir.toString());
        assertThat(intoDir.exitCode()).isEqualTo(2);
        assertThat(intoDir.err()).contains("--output").contains("is a directory");
    }

    @Test
    void simulateRecordsEachScenarioToItsOwnFile() {
        Path base = dir.resolve("many.rec");
        CliRun sim = CliRun.of("simulate", "../examples/scenarios/stall.yaml", "../examples/scenarios/buttons.yaml",
                "--record", base.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        for (String name : new String[] {"many-stall.rec", "many-buttons.rec"}) {
            CliRun replay = CliRun.of("replay", dir.resolve(name).toString());
            assertThat(replay.exitCode()).as(name + replay.out()).isZero();
            assertThat(replay.out()).contains("identical: ");
        }
    }

    @Test
    void aRecordingGoesWhereAnyOutputMayGoAndNowhereElse() {
        CliRun intoDir = CliRun.of("run", "--time-scale", "1000", "--limit", "1s", "--record", dir.toString());
        assertThat(intoDir.exitCode()).isEqualTo(2);
        assertThat(intoDir.err()).contains("--record").contains("is a directory; percuss writes only a new file");
        Path same = dir.resolve("same.csv");
        CliRun clash = CliRun.of("run", "--time-scale", "1000", "--limit", "1s", "--trace", same.toString(), "--record",
                same.toString());
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("is the same file as --trace");
        assertThat(clash.out()).isEmpty();
    }
}
