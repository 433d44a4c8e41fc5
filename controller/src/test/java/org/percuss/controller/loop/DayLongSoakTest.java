package org.percuss.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.scenario.Samples;
import org.percuss.controller.session.SessionTimer;
import org.percuss.controller.session.UsageEntry;
import org.percuss.controller.session.UsageLedger;
import org.percuss.controller.session.UsageRecorder;
import org.percuss.controller.session.ZoneBudget;
import org.percuss.device.api.Input;
import org.percuss.simulator.board.SimulatedGun;
import org.percuss.simulator.clock.VirtualClock;
import org.percuss.simulator.fault.InjectedFault;
import org.percuss.simulator.physics.PhysicsParameters;
import org.percuss.simulator.scenario.InvariantChecker;
import org.percuss.simulator.scenario.Invariants;

/**
 * A simulated day: session after session on random zones, levels and limits, with the user
 * pressing harder and lighter, holding still, pausing, hitting the e-stop, and the gun failing in
 * every injectable way now and then, through a real usage ledger. Every tick keeps the safety
 * invariants; every session's ledger entries add up to its running time, or up to the second and a
 * half it had claimed ahead when it ended between claims; and no zone ever has more than its budget
 * in any 60-minute window of the ledger.
 */
class DayLongSoakTest {

    private static final long TICK_NANOS = 10_000_000L;

    private static final long MINUTE = 60_000L;
    private static final PercussConfig CONFIG = PercussConfig.DEFAULT;

    @TempDir
    Path dir;

    @Test
    void aSimulatedDayKeepsEveryInvariantAndTheLedgerExact() throws FileProblem, IOException {
        Random random = new Random(2026);
        UsageLedger ledger = UsageLedger.open(dir.resolve("usage.jsonl"), w -> {
            throw new AssertionError("the ledger was damaged: " + w);
        });
        long start = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();
        long calendar = start;
        int sessions = 0;
        int refused = 0;
        long simulatedNanos = 0;
        while (calendar < start + 24 * 60 * MINUTE) {
            Zone zone = CONFIG.zones().zones().get(random.nextInt(CONFIG.zones().zones().size()));
            List<UsageEntry> entries = read(ledger, calendar);
            ZoneBudget budget = ZoneBudget.of(zone, entries, calendar);
            if (budget.exhausted()) {
                refused++;
                calendar += (1 + random.nextInt(30)) * MINUTE;
                continue;
            }
            String id = "session-" + sessions++;
            long runningNanos = runSession(random, zone, budget, ledger, id, calendar);
            long recorded = read(ledger, calendar).stream().filter(e -> e.session().equals(id))
                    .mapToLong(UsageEntry::runningMillis).sum();
            assertThat(recorded).as("%s's ledger entries against its running time", id)
                    .isBetween((runningNanos + 999_999L) / 1_000_000L, runningNanos / 1_000_000L + 1500);
            long lasted = lastEnd(ledger, id, calendar) - calendar;
            simulatedNanos += lasted * 1_000_000L;
            calendar += lasted + random.nextInt(20) * MINUTE;
        }
        assertThat(sessions).as("sessions in the day").isGreaterThan(40);
        assertThat(refused).as("sessions refused for a spent zone").isPositive();
        assertThat(simulatedNanos).as("simulated session time").isGreaterThan(Duration.ofHours(6).toNanos());
        assertNoWindowOverBudget(everyEntry(dir.resolve("usage.jsonl")));
        ledger.close();
    }

    /** Every entry in {@code file}, read here line by line: the ledger itself keeps only the last hour's. */
    private static List<UsageEntry> everyEntry(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<UsageEntry> all = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            all.add(new UsageEntry(n.get("session").asText(), n.get("zone").asText(),
                    Instant.parse(n.get("end").asText()).toEpochMilli(), n.get("running_ms").asLong()));
        }
        assertThat(all).as("a day of entries").hasSizeGreaterThan(10_000);
        return all;
    }

    private static List<UsageEntry> read(UsageLedger ledger, long now) throws FileProblem {
        try (UsageLedger.Lock lock = ledger.lock()) {
            return new ArrayList<>(lock.entries(now));
        }
    }

    /** One session from {@code calendar} on; returns its running time. */
    private long runSession(Random random, Zone zone, ZoneBudget budget, UsageLedger ledger, String id, long calendar)
            throws FileProblem {
        VirtualClock clock = new VirtualClock();
        SimulatedGun gun = SimulatedGun.create(clock, PhysicsParameters.DEFAULT.withStateOfCharge(0.4 + 0.6 * random.nextDouble()),
                random.nextLong());
        Duration limit = Duration.ofSeconds(30 + random.nextInt(870));
        SessionTimer timer = new SessionTimer(limit.toNanos(), budget.left().toNanos(), zone.name(),
                CONFIG.sessionWarning().toNanos());
        ControlLoop loop = ControlLoop.builder(gun.device(), CONFIG.withSessionLimit(limit), clock).timer(timer)
                .maxLevel(zone.maxLevel()).build();
        loop.selectLevel(1 + random.nextInt(loop.bounds().lastLevel()));
        InvariantChecker probe = new InvariantChecker(new Invariants(loop.bounds().highestPpm(),
                CONFIG.rampPpmPerSecond(), loop.bounds().lowestPpm(), true, timer.limitNanos(), TICK_NANOS,
                !CONFIG.warmup().isZero()));
        UsageRecorder recorder = new UsageRecorder(ledger, id, zone, () -> calendar + clock.nanos() / 1_000_000L,
                timer.limitNanos());
        assertThat(recorder.start()).isTrue();
        clock.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
            loop.tick();
            probe.sample(Samples.of(loop, clock.nanos()));
            assertThat(recorder.update(loop.runningNanos())).isEqualTo(UsageRecorder.Verdict.GO_ON);
        });
        // What the user and the gun do: a change every 5..60 s.
        long horizon = limit.toNanos() + Duration.ofMinutes(5).toNanos();
        for (long at = 5_000 + random.nextInt(55_000); at * 1_000_000L < horizon; at += 5_000 + random.nextInt(55_000)) {
            int what = random.nextInt(100);
            double value = random.nextDouble();
            clock.schedule(Duration.ofMillis(at), () -> act(what, value, loop, gun, probe, clock));
        }
        loop.start();
        clock.advanceTo(horizon, () -> loop.state() == LoopState.FINISHED);
        recorder.finish(loop.runningNanos());
        assertThat(probe.firstViolation()).as("%s on %s", loop.stopMessage(), zone.name()).isNull();
        return loop.runningNanos();
    }

    private static void act(int what, double value, ControlLoop loop, SimulatedGun gun, InvariantChecker probe, VirtualClock clock) {
        if (loop.state().latched()) {
            loop.clearFaults(); // the user clears it and goes on
            clock.schedule(Duration.ofSeconds(2), loop::start);
            return;
        }
        if (what < 30) {
            gun.plant().setPressure(35 * value);
        } else if (what < 45) {
            gun.board().setInput(Input.MOTION, value < 0.7);
        } else if (what < 55) {
            loop.pause();
            clock.schedule(Duration.ofSeconds(1 + (long) (10 * value)), loop::start);
        } else if (what < 65) {
            int level = 1 + (int) (value * loop.bounds().lastLevel());
            if (loop.bounds().usable(level)) {
                loop.selectLevel(level);
            }
        } else if (what < 70) {
            loop.emergencyStop();
            probe.emergencyStopRequested();
        } else if (what < 80) {
            InjectedFault[] faults = InjectedFault.values();
            gun.faults().inject(faults[(int) (value * faults.length)], Duration.ofMillis(200 + (long) (5000 * value)));
        } else {
            gun.board().setInput(Input.MOTION, true);
            gun.plant().setPressure(10);
        }
    }

    private static long lastEnd(UsageLedger ledger, String id, long fallback) throws FileProblem {
        return read(ledger, fallback).stream().filter(e -> e.session().equals(id)).mapToLong(UsageEntry::endEpochMillis)
                .max().orElse(fallback);
    }

    /** For every entry's end T, the zone's entries ending in [T − 60 min, T] add up to at most its budget. */
    private static void assertNoWindowOverBudget(List<UsageEntry> entries) {
        for (Zone zone : CONFIG.zones().zones()) {
            List<UsageEntry> mine = new ArrayList<>(entries.stream().filter(e -> e.zone().equals(zone.name())).toList());
            mine.sort((a, b) -> Long.compare(a.endEpochMillis(), b.endEpochMillis()));
            long sum = 0;
            int from = 0;
            long worst = 0;
            for (UsageEntry e : mine) {
                sum += e.runningMillis();
                while (mine.get(from).endEpochMillis() < e.endEpochMillis() - Zone.WINDOW.toMillis()) {
                    sum -= mine.get(from++).runningMillis();
                }
                worst = Math.max(worst, sum);
            }
            // each session may overrun its allowance by the one tick on which it stops
            assertThat(worst).as("most running time of %s in any 60 minutes", zone.name())
                    .isLessThanOrEqualTo(zone.budget().toMillis() + 50);
        }
    }
}
