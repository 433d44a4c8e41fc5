package org.percuss.controller.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.record.Recorder;
import org.percuss.controller.record.Recording;
import org.percuss.controller.record.Replay;
import org.percuss.controller.scenario.ScenarioReader;
import org.percuss.controller.scenario.ScenarioRunner;
import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.scenario.Scenario;

/**
 * What recording costs {@code percuss simulate}: the 15-minute example scenario (91,001 control
 * ticks on the simulated gun, every tick checked against the expectations and the invariants and
 * kept for a plot), run as {@code simulate} runs it, without and with {@code --record} (a new file
 * in the temporary directory, written as the command writes it); and what replaying that recording
 * takes, reading included. Run with
 * {@code ./mvnw -B -ntp -q -Pbench -DskipTests -Dbench.main=org.openjdk.jmh.Main "-Dbench.args=RecordingBenchmark -prof gc" verify}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(2)
@State(Scope.Benchmark)
public class RecordingBenchmark {

    private Scenario scenario;
    private Path dir;
    private Path file;
    private Path kept;
    private int run;

    @Setup
    public void setUp() throws IOException {
        setUp(Files.createTempDirectory("percuss-bench"));
    }

    /** The 15-minute example scenario, recorded into {@code directory} (the harness's choice of file system). */
    void setUp(Path directory) throws IOException {
        setUp(directory, Path.of("..", "examples", "scenarios", "fifteen-minute-session.yaml"));
    }

    /** {@code scenarioFile}, recorded into {@code directory}. */
    void setUp(Path directory, Path scenarioFile) throws IOException {
        ScenarioReader.Result r = ScenarioReader.read(scenarioFile, PercussConfig.DEFAULT);
        scenario = r.scenario();
        dir = directory;
        kept = dir.resolve("kept.rec");
        record(kept);
    }

    @Setup(Level.Invocation)
    public void newFile() {
        file = dir.resolve("run-" + run++ + ".rec");
    }

    @TearDown(Level.Invocation)
    public void removeFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long simulate() {
        return ScenarioRunner.run(scenario, PercussConfig.DEFAULT, null).simulatedNanos();
    }

    @Benchmark
    public long simulateRecorded() throws IOException {
        return record(file);
    }

    @Benchmark
    public int replay() throws Exception {
        return Replay.run(Recording.read(kept, false), null).ticks();
    }

    private long record(Path to) throws IOException {
        try (Recorder rec = Recorder.open(OutputFile.check("--record", to), Ticker.system(), EpochClock.system(),
                List.of("simulate", "fifteen-minute-session.yaml"), false)) {
            long simulated = ScenarioRunner.run(scenario, PercussConfig.DEFAULT, null, rec).simulatedNanos();
            rec.finish();
            return simulated;
        }
    }
}
