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

class UsageRecorderTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void writesASecondAtATimeAndTheRestAtTheEndSummingExactly() {
        UsageLedger ledger = new UsageLedger(dir.resolve("u.jsonl"));
        long[] clock = {1_790_000_000_000L};
        UsageRecorder r = new UsageRecorder(ledger, "s", "calves", () -> clock[0]);
        long running = 0;
        for (int tick = 0; tick < 1234; tick++) { // 12.34 s at 10 ms ticks
            running += 10 * MS;
            clock[0] += 10;
            r.update(running);
        }
        r.finish(running);
        List<UsageEntry> entries = ledger.read(w -> { });
        assertThat(entries).hasSize(13);
        assertThat(entries.subList(0, 12)).allSatisfy(e -> assertThat(e.runningMillis()).isEqualTo(1000));
        assertThat(entries.get(12).runningMillis()).isEqualTo(340);
        assertThat(entries.stream().mapToLong(UsageEntry::runningMillis).sum()).isEqualTo(12_340);
    }

    /** A kill at any moment: what the ledger holds is at most one second short of the running time. */
    @Property(tries = 200)
    void aKillAtAnyMomentLosesAtMostASecond(@ForAll @LongRange(min = 0, max = 3000) long killAtTick) throws IOException {
        Path file = Files.createTempFile("percuss-ledger", ".jsonl");
        Files.delete(file);
        UsageLedger ledger = new UsageLedger(file);
        UsageRecorder r = new UsageRecorder(ledger, "s", "arms", () -> 1_790_000_000_000L);
        long running = 0;
        for (long tick = 0; tick < killAtTick; tick++) {
            running += 10 * MS;
            r.update(running);
        } // killed: finish() never runs
        long recorded = ledger.read(w -> { }).stream().mapToLong(UsageEntry::runningMillis).sum() * MS;
        Files.deleteIfExists(file);
        assertThat(running - recorded).isBetween(0L, 1000 * MS - 1);
    }
}
