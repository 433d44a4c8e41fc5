package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.OutputFile;
import org.percuss.controller.scenario.ScenarioReader;
import org.percuss.controller.scenario.ScenarioRunner;
import org.percuss.device.time.EpochClock;
import org.percuss.device.time.Ticker;
import org.percuss.simulator.scenario.Scenario;

/** Recordings made for tests: example scenarios recorded in this JVM, and files edited as a tester would not. */
final class Recordings {

    static final Path EXAMPLES = Path.of("..", "examples", "scenarios");
    /** A wall clock that stands still: a simulation writes its blocks at 64 KiB, and when finished. */
    static final Ticker STILL = () -> 0L;
    static final EpochClock EPOCH = () -> 1_764_633_600_000L; // 2025-12-02T00:00:00Z

    private Recordings() {
    }

    static Scenario scenario(String name) {
        ScenarioReader.Result r = ScenarioReader.read(EXAMPLES.resolve(name + ".yaml"), PercussConfig.DEFAULT);
        assertThat(r.problems()).isEmpty();
        return r.scenario();
    }

    /** A wall clock that advances 10 ms each time it is read: a block about every second's worth of reads. */
    static Ticker walking() {
        long[] t = {0};
        return () -> t[0] += 10_000_000L;
    }

    /** {@code s} simulated and recorded into {@code file}. */
    static Path simulate(Scenario s, Path file) throws IOException {
        return simulate(s, file, STILL);
    }

    /** {@code s} simulated and recorded into {@code file}, its blocks written as {@code wall} says. */
    static Path simulate(Scenario s, Path file, Ticker wall) throws IOException {
        try (Recorder rec = Recorder.open(OutputFile.check("--record", file), wall, EPOCH,
                List.of("simulate", s.name()), false)) {
            ScenarioRunner.run(s, PercussConfig.DEFAULT, null, rec);
            rec.finish();
        }
        return file;
    }

    /**
     * A {@code percuss run} session on the simulated gun, as the command runs it (level, start, tick
     * until the loop stops), recorded into {@code file}.
     */
    static Path run(int level, java.time.Duration limit, Path file) throws IOException {
        org.percuss.simulator.clock.VirtualClock clock = new org.percuss.simulator.clock.VirtualClock();
        org.percuss.device.api.PercussionDevice gun = org.percuss.simulator.board.SimulatedGun.create(clock).device();
        PercussConfig config = PercussConfig.DEFAULT.withSessionLimit(limit);
        org.percuss.controller.session.SessionPlan plan = org.percuss.controller.session.SessionPlan.of(config);
        try (Recorder rec = Recorder.open(OutputFile.check("--record", file), STILL, EPOCH,
                List.of("run", "--level", String.valueOf(level)), true)) {
            rec.begin("simulator session", gun, config, RecordedSession.ofRun(java.util.Optional.empty(),
                    java.time.Duration.ZERO, java.util.Optional.empty(), java.util.Optional.empty()));
            org.percuss.controller.loop.ControlLoop loop = org.percuss.controller.loop.ControlLoop
                    .builder(rec.device(gun), config, clock).timer(plan.timer()).listener(rec.listener(
                            org.percuss.controller.loop.LoopListener.NONE)).observer(rec).build();
            loop.selectLevel(level);
            loop.start();
            boolean[] done = {false};
            clock.scheduleAtFixedRate(java.time.Duration.ZERO, config.tickPeriod(), () -> {
                if (!done[0]) {
                    loop.tick();
                    rec.flushIfDue();
                    done[0] = loop.stopped();
                }
            });
            clock.advanceTo(limit.plusSeconds(5).toNanos(), () -> done[0]);
            rec.finish();
        }
        return file;
    }

    static Recording read(Path file) throws Exception {
        return Recording.read(file, false);
    }

    /** Where the records begin: after the preamble and the header. */
    static int recordsStart(byte[] b) {
        return RecordFormat.PREAMBLE_BYTES + RecordInput.intLE(b, 10);
    }

    /** The offsets of the blocks. */
    static List<Integer> blocks(byte[] b) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int p = recordsStart(b); p < b.length; p += RecordFormat.BLOCK_PREFIX_BYTES + RecordInput.intLE(b, p)) {
            out.add(p);
        }
        return out;
    }

    /** {@code b} with its header replaced by {@code json} (checksum fixed): a recording that claims another header. */
    static byte[] withHeader(byte[] b, byte[] json) {
        int start = recordsStart(b);
        byte[] out = new byte[RecordFormat.PREAMBLE_BYTES + json.length + b.length - start];
        System.arraycopy(b, 0, out, 0, RecordFormat.PREAMBLE_BYTES);
        RecordBuffer w = new RecordBuffer(4);
        w.reserve(4);
        w.putIntLE(json.length, 0);
        System.arraycopy(w.array(), 0, out, 10, 4);
        CRC32 crc = new CRC32();
        crc.update(json);
        w.putIntLE((int) crc.getValue(), 0);
        System.arraycopy(w.array(), 0, out, 14, 4);
        System.arraycopy(json, 0, out, RecordFormat.PREAMBLE_BYTES, json.length);
        System.arraycopy(b, start, out, RecordFormat.PREAMBLE_BYTES + json.length, b.length - start);
        return out;
    }

    /** {@code file}'s recording with {@code config} in its header instead of the one it was made with. */
    static Path withConfig(Path file, PercussConfig config, Path to) throws Exception {
        byte[] b = Files.readAllBytes(file);
        RecordingHeader h = Recording.read(b, false).header();
        RecordingHeader changed = new RecordingHeader(h.formatVersion(), h.percussVersion(), h.recordedAt(), h.command(),
                h.title(), h.deviceName(), h.capabilities(), config, h.session());
        return Files.write(to, withHeader(b, HeaderJson.write(changed)));
    }
}
