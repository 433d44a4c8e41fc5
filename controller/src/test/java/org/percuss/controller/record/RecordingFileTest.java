package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.loop.LoopState;

/**
 * A recording's file: complete, cut off anywhere, damaged anywhere, or not a recording at all —
 * every case either reads (saying how it ends) or is refused with one line saying why.
 */
class RecordingFileTest {

    @TempDir
    static Path dir;

    /** The emergency-stop scenario: requests, a clear, a restart; about 70 KB in a few blocks. */
    static byte[] bytes;
    static Recording whole;

    @BeforeAll
    static void record() throws Exception {
        Path file = Recordings.simulate(Recordings.scenario("emergency-stop"), dir.resolve("e.rec"), Recordings.walking());
        bytes = Files.readAllBytes(file);
        whole = Recording.read(bytes, false);
    }

    @Test
    void aFinishedRecordingIsCompleteAndSaysWhatMadeIt() {
        assertThat(whole.ending().kind()).isEqualTo(Recording.Ending.Kind.COMPLETE);
        assertThat(whole.endingNote()).isEmpty();
        RecordingHeader h = whole.header();
        assertThat(h.formatVersion()).isEqualTo(2);
        assertThat(h.command()).containsExactly("simulate", "The emergency stop in the middle of a ramp");
        assertThat(h.recordedAt()).isEqualTo("2025-12-02T00:00:00Z");
        assertThat(h.deviceName()).isEqualTo("simulator");
        assertThat(h.config()).isEqualTo(PercussConfig.DEFAULT.withSessionLimit(java.time.Duration.ofMinutes(3)));
        assertThat(whole.frames()).hasSize(19_001); // run_for: the 3m limit plus 10 s, every 10 ms, both ends
        assertThat(Recordings.blocks(bytes)).hasSizeGreaterThan(1);
        String json = new String(bytes, RecordFormat.PREAMBLE_BYTES, Recordings.recordsStart(bytes) - RecordFormat.PREAMBLE_BYTES,
                StandardCharsets.UTF_8);
        assertThat(json).as("self-describing").contains("\"format\" : \"percuss recording\"")
                .contains("\"specification\" : \"docs/recording.md\"").contains("\"trip_c\" : 80.0");
    }

    @Test
    void theRequestsTheDevicesAnswersAndTheDecisionsAreAllThere() {
        List<Frame> f = whole.frames();
        assertThat(f.getFirst().requests()).as("level and start, taken by the first tick")
                .isEqualTo(org.percuss.controller.loop.Request.LEVEL.mask() | org.percuss.controller.loop.Request.START.mask());
        assertThat(f.getFirst().requestedLevel()).isEqualTo(4);
        assertThat(f).anySatisfy(t -> assertThat(t.state()).isEqualTo(LoopState.EMERGENCY_STOP));
        assertThat(f).anySatisfy(t -> assertThat(t.clearRequested()).isTrue());
        assertThat(f).anySatisfy(t -> assertThat(t.clearReads()).isNotEmpty());
        assertThat(f).anySatisfy(t -> assertThat(t.notes()).containsExactly("pressed"));
        assertThat(f).anySatisfy(t -> assertThat(t.messages()).anySatisfy(m ->
                assertThat(m.toString()).startsWith("EMERGENCY_STOP: emergency stop")));
    }

    @Test
    void cutAnywhereAfterItsHeaderItReadsUpToTheLastWholeBlockAndSaysItEndsEarly() throws Exception {
        int start = Recordings.recordsStart(bytes);
        List<Integer> blocks = Recordings.blocks(bytes);
        for (int at = start; at < bytes.length; at += Math.max(1, (bytes.length - start) / 41)) {
            int cut = at;
            Recording r = Recording.read(Arrays.copyOf(bytes, cut), false);
            assertThat(r.ending().kind()).as("cut at %d", cut).isEqualTo(Recording.Ending.Kind.CUT_OFF);
            int wholeBlocks = (int) blocks.stream().filter(b -> b < cut).count() - 1;
            assertThat(r.frames().size()).isLessThan(whole.frames().size());
            assertThat(r.frames()).isEqualTo(whole.frames().subList(0, r.frames().size()));
            assertThat(r.endingNote().orElseThrow()).startsWith("recording ends early at t = ");
            if (wholeBlocks > 0) {
                assertThat(r.frames()).isNotEmpty();
            }
        }
    }

    @Test
    void aKilledSessionsFileWithoutItsEndRecordEndsEarlyWithEveryTick() throws Exception {
        int last = Recordings.blocks(bytes).getLast();
        Recording r = Recording.read(Arrays.copyOf(bytes, last), false);
        assertThat(r.ending().why()).contains("no end record");
        assertThat(r.endingNote().orElseThrow()).matches("recording ends early at t = \\d+\\.\\d\\d s \\([\\d,]+ ticks\\): .*");
    }

    @Test
    void zerosAtTheEndAreACrashNotDamage() throws Exception {
        Recording padded = Recording.read(Arrays.copyOf(bytes, bytes.length + 4096), false);
        assertThat(padded.ending().kind()).isEqualTo(Recording.Ending.Kind.COMPLETE);
        assertThat(padded.frames()).isEqualTo(whole.frames());
        byte[] more = Arrays.copyOf(bytes, bytes.length + 10);
        more[bytes.length + 3] = 1;
        assertThatThrownBy(() -> Recording.read(more, false)).hasMessageContaining("more data after the end record");
        byte[] cut = Arrays.copyOf(Arrays.copyOf(bytes, Recordings.blocks(bytes).getLast()), Recordings.blocks(bytes).getLast() + 4096);
        assertThat(Recording.read(cut, false).ending().why()).contains("ends in zeros");
    }

    @Test
    void garbageInTheMiddleIsRefusedOrReadUpToIt() throws Exception {
        List<Integer> blocks = Recordings.blocks(bytes);
        byte[] b = bytes.clone();
        int inSecondBlock = blocks.get(1) + 100;
        b[inSecondBlock] ^= 0x5A;
        assertThatThrownBy(() -> Recording.read(b, false)).isInstanceOf(BadRecording.class)
                .hasMessageMatching("damaged at byte [\\d,]+, after t = \\d+\\.\\d\\d s \\([\\d,]+ ticks\\): a block's checksum"
                        + " does not match; --until-error replays the ticks before it");
        Recording r = Recording.read(b, true);
        assertThat(r.ending().kind()).isEqualTo(Recording.Ending.Kind.DAMAGED);
        assertThat(r.frames()).isNotEmpty().isEqualTo(whole.frames().subList(0, r.frames().size()));
        assertThat(r.endingNote().orElseThrow()).startsWith("recording read up to damage at t = ");
    }

    @Test
    void aBlockLengthThatCannotBeIsDamage() {
        byte[] b = bytes.clone();
        int second = Recordings.blocks(bytes).get(1);
        b[second + 3] = 0x7F; // a length of about 2 GB
        assertThatThrownBy(() -> Recording.read(b, false)).isInstanceOf(BadRecording.class)
                .hasMessageContaining("a block claims");
    }

    @Test
    void aFileThatIsNotARecordingIsNamedForWhatItIs() {
        assertThatThrownBy(() -> Recording.read(new byte[0], false)).hasMessage("an empty file, not a recording");
        assertThatThrownBy(() -> Recording.read("t_s,state,level\n0.000,IDLE,1\n".getBytes(StandardCharsets.UTF_8), false))
                .hasMessageStartingWith("a trace (CSV), not a recording");
        assertThatThrownBy(() -> Recording.read("levels: [1200]\n".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(BadRecording.class).hasMessageStartingWith("not a percuss recording");
    }

    @Test
    void aNewerFormatIsRefusedSayingWhichPercussCanReadIt() {
        byte[] b = bytes.clone();
        b[8] = 3;
        assertThatThrownBy(() -> Recording.read(b, false))
                .hasMessageStartingWith("recorded in format version 3 by a newer percuss; this percuss")
                .hasMessageEndingWith("reads versions 1 to 2: replay it with the percuss that recorded it, or a newer one");
    }

    @Test
    void aTruncatedOrDamagedHeaderIsRefused() {
        for (int cut : new int[] {8, 12, RecordFormat.PREAMBLE_BYTES + 10, Recordings.recordsStart(bytes) - 1}) {
            assertThatThrownBy(() -> Recording.read(Arrays.copyOf(bytes, cut), false)).as("cut at %d", cut)
                    .isInstanceOf(BadRecording.class).hasMessageStartingWith("truncated header");
        }
        byte[] b = bytes.clone();
        b[RecordFormat.PREAMBLE_BYTES + 40] ^= 1;
        assertThatThrownBy(() -> Recording.read(b, false)).isInstanceOf(BadRecording.class)
                .hasMessage("damaged header: its checksum does not match");
        byte[] json = "{\"format_version\": 2, \"command\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Recording.read(Recordings.withHeader(bytes, json), false))
                .hasMessage("the header device is missing");
    }

    @Test
    void theHeaderKeepsTheWholeConfigurationAndTheSession() throws Exception {
        PercussConfig odd = PercussConfig.DEFAULT.withWarmup(java.time.Duration.ofNanos(1_500_000_001L)).withRamp(90)
                .withLevels(new org.percuss.controller.config.SpeedLevels(new int[] {1000, 1500}))
                .withGpio(new org.percuss.device.gpio.GpioRig(2, 1000, 4, 2, 5000, 900, 2000, -1, -1, 17, false, -1, -1, -1,
                        100, 10))
                .withZones(new org.percuss.controller.config.Zones(List.of(new org.percuss.controller.config.Zone("a-1",
                        java.time.Duration.ofSeconds(90), 1))));
        Path copy = Recordings.withConfig(dir.resolve("e.rec"), odd, dir.resolve("odd.rec"));
        assertThat(Recording.read(copy, false).header().config()).isEqualTo(odd);
        assertThat(ConfigJson.duration(java.time.Duration.ofNanos(1_500_000_001L))).isEqualTo("1.500000001s");
        assertThat(ConfigJson.duration(java.time.Duration.ofSeconds(90))).isEqualTo("1m30s");
    }
}
