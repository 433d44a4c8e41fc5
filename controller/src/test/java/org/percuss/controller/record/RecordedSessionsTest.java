package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.SafetyLimits;
import org.percuss.controller.config.SupplyLimits;
import org.percuss.controller.config.ThermalLimits;
import org.percuss.controller.loop.LoopState;
import org.percuss.device.guard.Persistence;

/**
 * The recordings kept in {@code src/test/resources/recordings} (its README says how each was made:
 * against {@code percuss board} over a pseudo-terminal, through the serial driver, on the Pi rig's
 * mock pins) as regression tests: each replays on today's controller exactly as it was recorded,
 * and a deliberate change to a rule's threshold is caught at the tick where it first matters.
 */
class RecordedSessionsTest {

    static final Path RECORDINGS = Path.of("src", "test", "resources", "recordings");

    @TempDir
    Path dir;

    static Stream<Path> recordings() throws IOException {
        try (Stream<Path> files = Files.list(RECORDINGS)) {
            return files.filter(p -> p.toString().endsWith(".rec")).sorted().toList().stream();
        }
    }

    @Test
    void theKeptRecordingsCoverABoardOverAPtyTheSerialDriverAndThePiRig() throws Exception {
        assertThat(recordings().map(p -> p.getFileName().toString())).contains("board-over-temperature.rec",
                "serial-hot-room.rec", "gpio-buttons.rec", "sim-run-30s.rec");
        Recording board = Recording.read(RECORDINGS.resolve("board-over-temperature.rec"), false);
        assertThat(board.header().deviceName()).startsWith("serial:");
        assertThat(board.frames().getLast().state()).isEqualTo(LoopState.FAULT);
        assertThat(board.header().formatVersion()).as("recorded before format 2: still read and replayed").isEqualTo(1);
        assertThat(Recording.read(RECORDINGS.resolve("gpio-buttons.rec"), false).header().deviceName()).startsWith("gpio");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void replaysIdentically(Path file) throws Exception {
        Recording r = Recording.read(file, false);
        assertThat(r.ending().kind()).isEqualTo(Recording.Ending.Kind.COMPLETE);
        Replay.Result result = Replay.run(r, null);
        assertThat(result.divergence()).as("re-record it if the change is meant (see the README there)").isEmpty();
        assertThat(result.ticks()).isEqualTo(r.frames().size());
    }

    @Test
    void aHigherUnderVoltageLimitIsCaughtWhereTheSupplyHasBeenBelowItForItsTime() throws Exception {
        Path file = RECORDINGS.resolve("serial-hot-room.rec");
        Recording recorded = Recording.read(file, false);
        double tripVolts = 15.86; // the pack sags from 16.2 V to about 15.85 V under load, with 10 mV of noise
        // where the new limit must trip, from the recorded telemetry and the one "held for" the rules share
        Persistence below = Persistence.leaky(Duration.ofMillis(100).toNanos());
        Frame first = recorded.frames().stream().filter(f -> below.update(f.telemetry().supplyVolts() < tripVolts, f.nanos()))
                .findFirst().orElseThrow();
        PercussConfig c = recorded.header().config();
        SafetyLimits s = c.safety();
        PercussConfig higher = c.withSafety(new SafetyLimits(s.current(), s.stall(), s.thermal(), new SupplyLimits(tripVolts),
                s.dwell(), s.staleTelemetryPeriods()));
        Divergence d = Replay.run(Recording.read(Recordings.withConfig(file, higher, dir.resolve("v.rec")), false), null)
                .divergence().orElseThrow();
        assertThat(d.tick()).isEqualTo(first.index());
        assertThat(d.recorded().state()).isEqualTo(LoopState.RUNNING);
        assertThat(d.now().state()).isEqualTo(LoopState.FAULT);
        assertThat(d.rule()).startsWith("UnderVoltageRule (supply: trip_volts): trip: under voltage: supply 15.8")
                .endsWith("V below the 15.9 V limit for 100 ms");
    }

    @Test
    void anEarlierDerateIsCaughtAtTheFirstReportAboveIt() throws Exception {
        Path file = RECORDINGS.resolve("serial-hot-room.rec");
        Recording recorded = Recording.read(file, false);
        Frame first = recorded.frames().stream().filter(f -> f.telemetry().temperatureCelsius() > 58.0).findFirst()
                .orElseThrow();
        Recording changed = Recording.read(Recordings.withConfig(file, thermal(recorded, 58, 75, 80), dir.resolve("d.rec")),
                false);
        Divergence d = Replay.run(changed, null).divergence().orElseThrow();
        assertThat(d.tick()).isEqualTo(first.index());
        assertThat(d.differences()).contains("derate");
        assertThat(d.now().derateLevel()).isEqualTo(4);
        assertThat(d.rule()).startsWith("ThermalRule (temperature: derate_from_c, lowest_at_c): derating to level 4:"
                + " temperature 58.");
    }

    private static PercussConfig thermal(Recording r, double from, double lowest, double trip) {
        PercussConfig c = r.header().config();
        SafetyLimits s = c.safety();
        return c.withSafety(new SafetyLimits(s.current(), s.stall(), new ThermalLimits(from, lowest, trip), s.supply(), s.dwell(),
                s.staleTelemetryPeriods()));
    }
}
