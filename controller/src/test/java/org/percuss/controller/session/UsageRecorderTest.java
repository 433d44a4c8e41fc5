package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void theNextSecondIsClaimedWhenTheRunningTimeComesWithinHalfASecondOfTheClaim() throws FileProblem {
        try (UsageLedger ledger = UsageLedger.open(dir.resolve("u.jsonl"), w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> NOW, 600_000 * MS);
            r.start();
            assertThat(r.update(499 * MS)).isEqualTo(UsageRecorder.Verdict.GO_ON);
            assertThat(r.recordedNanos()).isEqualTo(1000 * MS);
            assertThat(r.update(500 * MS)).isEqualTo(UsageRecorder.Verdict.GO_ON);
            assertThat(r.recordedNanos()).isEqualTo(2000 * MS);
            assertThat(r.zoneUsedMillis()).isEqualTo(2000);
        }
    }

    @Test
    void aTickPastTheClaimsIsChargedToTheNextWholeMillisecondAtTheEnd() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> NOW, 1000 * MS);
            r.start();
            r.finish(1000 * MS); // exactly what was claimed: nothing more
            assertThat(LedgerFiles.read(file, NOW)).hasSize(1);
            r.finish(1000 * MS + 1);
            assertThat(r.recordedNanos()).isEqualTo(1001 * MS);
            assertThat(r.zoneUsedMillis()).isEqualTo(1001);
        }
        List<UsageEntry> entries = LedgerFiles.read(file, NOW);
        assertThat(entries).extracting(UsageEntry::runningMillis).containsExactly(1000L, 1L);
    }

    @Test
    void theZoneSpentByAnotherSessionStopsThisOneAtTheEndOfItsClaim() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        Zone small = new Zone("calves", Duration.ofSeconds(2), 0);
        try (UsageLedger a = UsageLedger.open(file, w -> { }); UsageLedger b = UsageLedger.open(file, w -> { })) {
            UsageRecorder ra = new UsageRecorder(a, "a", small, () -> NOW, 600_000 * MS);
            UsageRecorder rb = new UsageRecorder(b, "b", small, () -> NOW, 600_000 * MS);
            assertThat(ra.start()).isTrue();
            assertThat(rb.start()).isTrue();
            assertThat(ra.update(500 * MS)).isEqualTo(UsageRecorder.Verdict.BUDGET_SPENT);
            assertThat(ra.zoneUsedMillis()).isEqualTo(2000);
            UsageRecorder rc = new UsageRecorder(a, "c", small, () -> NOW, 600_000 * MS);
            assertThat(rc.start()).as("nothing left to start on").isFalse();
        }
    }

    @Test
    void aSessionThatHasClaimedItsWholeLimitNeedsNothingMoreFromTheZone() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        Zone small = new Zone("calves", Duration.ofSeconds(2), 0);
        try (UsageLedger a = UsageLedger.open(file, w -> { }); UsageLedger b = UsageLedger.open(file, w -> { })) {
            UsageRecorder ra = new UsageRecorder(a, "a", small, () -> NOW, 1000 * MS);
            UsageRecorder rb = new UsageRecorder(b, "b", small, () -> NOW, 600_000 * MS);
            ra.start();
            rb.start(); // the zone is now spent, but a's whole session is claimed
            assertThat(ra.update(999 * MS)).isEqualTo(UsageRecorder.Verdict.GO_ON);
            assertThat(ra.recordedNanos()).isEqualTo(1000 * MS);
        }
    }

    @Test
    void entriesThatLeaveTheWindowStopCounting() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        LedgerFiles.append(file, new UsageEntry("earlier", "calves", NOW, 600_000));
        long[] clock = {NOW};
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> clock[0], 600_000 * MS);
            r.start();
            assertThat(r.zoneUsedMillis()).isEqualTo(601_000);
            clock[0] = NOW + 3_600_001; // the earlier session's entry is now older than the window
            r.update(500 * MS);
            assertThat(r.zoneUsedMillis()).isEqualTo(2000);
        }
    }

    @Test
    void anEntryEndingExactlyAnHourAgoStillCounts() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        LedgerFiles.append(file, new UsageEntry("earlier", "calves", NOW - 3_600_000, 600_000),
                new UsageEntry("earlier", "calves", NOW - 3_600_001, 300_000));
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> NOW, 600_000 * MS);
            r.start();
            assertThat(r.zoneUsedMillis()).isEqualTo(601_000);
        }
    }

    @Test
    void aLedgerCutShortByHandIsReadAgainFromTheStart() throws IOException, FileProblem {
        Path file = dir.resolve("u.jsonl");
        LedgerFiles.append(file, new UsageEntry("earlier", "calves", NOW, 600_000));
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> NOW, 600_000 * MS);
            r.start();
            assertThat(r.zoneUsedMillis()).isEqualTo(601_000);
            Files.writeString(file, ""); // emptied while the session runs
            r.update(500 * MS);
            assertThat(ledger.generation()).as("read again from the start once").isEqualTo(1);
            assertThat(r.zoneUsedMillis()).isEqualTo(1000);
            r.update(1500 * MS);
            assertThat(r.zoneUsedMillis()).as("read on from there").isEqualTo(2000);
        }
    }

    @Test
    void aLedgerThatCanNoLongerBeWrittenEndsTheSessionAndIsNotWrittenAgain() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        UsageLedger ledger = UsageLedger.open(file, w -> { });
        UsageRecorder r = new UsageRecorder(ledger, "s", CALVES, () -> NOW, 600_000 * MS);
        r.start();
        ledger.close();
        assertThat(r.update(500 * MS)).isEqualTo(UsageRecorder.Verdict.FAILED);
        assertThat(r.failure()).isNotNull();
        assertThat(r.failure().getMessage()).startsWith("--ledger " + file + ": cannot lock it");
        assertThat(r.update(600 * MS)).isEqualTo(UsageRecorder.Verdict.FAILED);
        r.finish(700_000 * MS); // does not throw: the failure is already reported
        assertThat(r.recordedNanos()).isEqualTo(1000 * MS);
    }

    @Test
    void whileAnotherSessionHoldsTheLockTheClaimWaitsForALaterTickUntilTimeRunsShort() throws Exception {
        Path file = dir.resolve("u.jsonl");
        try (UsageLedger mine = UsageLedger.open(file, w -> { }); UsageLedger theirs = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(mine, "s", CALVES, () -> NOW, 600_000 * MS);
            r.start();
            Thread tester = Thread.currentThread();
            CountDownLatch held = new CountDownLatch(1);
            AtomicBoolean calling = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            Thread other = new Thread(() -> {
                try (UsageLedger.Lock ignored = theirs.lock()) {
                    held.countDown();
                    while (!calling.get()) {
                        Thread.onSpinWait();
                    }
                    // hold the lock until the recorder waits for it (between two tries), or gave up
                    while (!done.get() && tester.getState() != Thread.State.TIMED_WAITING) {
                        Thread.onSpinWait();
                    }
                } catch (FileProblem e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            held.await();
            assertThat(r.update(949 * MS)).isEqualTo(UsageRecorder.Verdict.GO_ON);
            assertThat(r.recordedNanos()).as("50 ms and more left: try again next tick").isEqualTo(1000 * MS);
            calling.set(true);
            assertThat(r.update(950 * MS)).isEqualTo(UsageRecorder.Verdict.GO_ON);
            done.set(true);
            other.join();
            assertThat(r.recordedNanos()).as("50 ms left: waited for the lock and claimed").isEqualTo(2000 * MS);
        }
    }

    @Test
    void aLockHeldPastTheLastChanceFailsTheSessionAfterATenthOfASecondNamingIt() throws Exception {
        Path file = dir.resolve("u.jsonl");
        long[] wall = {0};
        try (UsageLedger mine = UsageLedger.open(file, w -> { }, () -> wall[0] += 30 * MS);
                UsageLedger theirs = UsageLedger.open(file, w -> { })) {
            UsageRecorder r = new UsageRecorder(mine, "s", CALVES, () -> NOW, 600_000 * MS);
            r.start();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                try (UsageLedger.Lock ignored = theirs.lock()) {
                    held.countDown();
                    release.await(); // a process stopped while it held the lock
                } catch (FileProblem | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            held.await();
            try {
                long before = wall[0];
                assertThat(r.update(950 * MS)).isEqualTo(UsageRecorder.Verdict.FAILED);
                assertThat(wall[0] - before).as("waited its patience on the wall clock, no more")
                        .isBetween(100 * MS, 160 * MS);
                assertThat(r.failure()).hasMessage("--ledger " + file + ": cannot lock it: another process has held its"
                        + " lock for 0.1 s (one stopped while it held it?)");
                assertThat(r.recordedNanos()).as("nothing claimed without the lock").isEqualTo(1000 * MS);
            } finally {
                release.countDown(); // a failure here must not leave the lock held for the tests after
                other.join();
            }
        }
        assertThat(LedgerFiles.read(file, NOW)).singleElement().extracting(UsageEntry::runningMillis).isEqualTo(1000L);
    }
}
