package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;

class UsageRecorderTest {

    private static final long MS = 1_000_000L;
    private static final long NOW = 1_790_000_000_000L;
    private static final Zone CALVES = Zone.of("calves");

    @TempDir
    Path dir;

    private static long sum(List<UsageEntry> entries, String session) {
        return entries.stream().filter(e -> e.session().equals(session)).mapToLong(UsageEntry::runningMillis).sum();
    }

    @Test
    void claimsASecondAheadAndEndsExactlyAtTheSessionsLimit() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        long[] clock = {NOW};
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> clock[0], 12_340 * MS);
            assertThat(r.start()).isTrue();
            assertThat(r.recordedNanos()).isEqualTo(1000 * MS); // before the motor starts
            long running = 0;
            for (int tick = 0; tick < 1234; tick++) { // 12.34 s at 10 ms ticks
                running += 10 * MS;
                clock[0] += 10;
                assertThat(r.update(running)).isEqualTo(UsageRecorder.Verdict.GO_ON);
                assertThat(r.recordedNanos()).isGreaterThanOrEqualTo(running);
            }
            r.finish(running);
        }
        List<UsageEntry> entries = LedgerFiles.read(file, NOW);
        assertThat(entries).hasSize(13);
        assertThat(entries.subList(0, 12)).allSatisfy(e -> assertThat(e.runningMillis()).isEqualTo(1000));
        assertThat(entries.get(12).runningMillis()).isEqualTo(340);
        assertThat(sum(entries, "s")).isEqualTo(12_340);
    }

    /** A kill at any moment: the ledger never holds less than the running time, and at most 1.5 s more. */
    @Property(tries = 200)
    void aKillAtAnyMomentLosesNothing(@ForAll @LongRange(min = 0, max = 3000) long killAtTick) throws IOException {
        Path file = Files.createTempFile("percuss-ledger", ".jsonl");
        Files.delete(file);
        long running = 0;
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> NOW, 900_000 * MS);
            r.start();
            for (long tick = 0; tick < killAtTick; tick++) {
                running += 10 * MS;
                r.update(running);
            } // killed: finish() never runs
        }
        long recorded = sum(LedgerFiles.read(file, NOW), "s") * MS;
        Files.deleteIfExists(file);
        assertThat(recorded - running).isBetween(0L, 1500 * MS);
    }

    @Test
    void twoSessionsOnOneZoneShareItsBudgetAndTheSecondToFindItSpentStops() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        try (UsageLedger a = UsageLedger.open(file, w -> { }); UsageLedger b = UsageLedger.open(file, w -> { })) {
            UsageRecorder ra = new UsageRecorder(a, "a", CALVES, () -> NOW, 600_000 * MS);
            UsageRecorder rb = new UsageRecorder(b, "b", CALVES, () -> NOW, 600_000 * MS);
            assertThat(ra.start()).isTrue();
            assertThat(rb.start()).isTrue();
            long runningA = 0;
            long runningB = 0;
            UsageRecorder.Verdict va = UsageRecorder.Verdict.GO_ON;
            UsageRecorder.Verdict vb = UsageRecorder.Verdict.GO_ON;
            while (va == UsageRecorder.Verdict.GO_ON || vb == UsageRecorder.Verdict.GO_ON) {
                if (va == UsageRecorder.Verdict.GO_ON && runningA < 600_000 * MS) {
                    runningA += 10 * MS;
                    va = ra.update(runningA);
                } else if (va == UsageRecorder.Verdict.GO_ON) {
                    va = UsageRecorder.Verdict.BUDGET_SPENT; // its own limit
                }
                if (vb == UsageRecorder.Verdict.GO_ON && runningB < 600_000 * MS) {
                    runningB += 10 * MS;
                    vb = rb.update(runningB);
                } else if (vb == UsageRecorder.Verdict.GO_ON) {
                    vb = UsageRecorder.Verdict.BUDGET_SPENT;
                }
            }
            // each ran one more tick after it was told to stop, as a control loop does
            runningA += 10 * MS;
            runningB += 10 * MS;
            ra.finish(runningA);
            rb.finish(runningB);
            assertThat(runningA + runningB).isLessThanOrEqualTo(900_000 * MS);
            assertThat(runningA + runningB).isGreaterThan(897_000 * MS);
        }
        List<UsageEntry> entries = LedgerFiles.read(file, NOW);
        assertThat(sum(entries, "a") + sum(entries, "b")).isEqualTo(900_000);
    }
}
