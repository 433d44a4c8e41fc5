package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;

class UsageLedgerTest {

    private static final long NOW = 1_790_000_000_000L; // 2026-09-21T14:13:20Z

    @TempDir
    Path dir;

    @Test
    void appendsOneJsonLinePerEntryAndReadsThemBack() throws IOException {
        Path file = dir.resolve("state/percuss/usage.jsonl");
        UsageEntry a = new UsageEntry("s1", "neck", NOW, 1000);
        UsageEntry b = new UsageEntry("s1", "neck", NOW + 1000, 734);
        LedgerFiles.append(file, a, b);
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"session\":\"s1\",\"zone\":\"neck\",\"end\":\"2026-09-21T14:13:20Z\",\"running_ms\":1000}",
                "{\"session\":\"s1\",\"zone\":\"neck\",\"end\":\"2026-09-21T14:13:21Z\",\"running_ms\":734}");
        assertThat(LedgerFiles.read(file, NOW)).containsExactly(a, b);
    }

    @Test
    void anAbsentLedgerIsEmptyAndReadingDoesNotCreateIt() {
        assertThat(LedgerFiles.read(dir.resolve("none.jsonl"), NOW)).isEmpty();
        assertThat(dir.resolve("none.jsonl")).doesNotExist();
    }

    @Test
    void skipsATornLastLineAndACorruptLineWithAWarningNamingFileAndLine() throws IOException {
        Path file = dir.resolve("usage.jsonl");
        LedgerFiles.append(file, new UsageEntry("s", "arms", NOW, 1000));
        Files.writeString(file, "garbage here\n", StandardOpenOption.APPEND);
        LedgerFiles.append(file, new UsageEntry("s", "arms", NOW + 1000, 1000));
        Files.writeString(file, "{\"session\":\"s\",\"zone\":\"arms\",\"end\":\"2026-09-2", StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        List<UsageEntry> entries = LedgerFiles.read(file, NOW, warnings::add);
        assertThat(entries).hasSize(2);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(file + ":2: skipped a damaged ledger line");
        assertThat(warnings.get(1)).startsWith(file + ":4: skipped a damaged ledger line");
    }

    @Test
    void anAppendAfterATornLineStartsOnAFreshLineSoNoEntryIsSwallowed() throws IOException {
        Path file = dir.resolve("usage.jsonl");
        Files.writeString(file, "{\"session\":\"s\",\"zone\":\"arms\",\"end\":\"2026-09-21T14:1");
        UsageEntry next = new UsageEntry("t", "arms", NOW, 1000);
        LedgerFiles.append(file, next);
        LedgerFiles.append(file, next);
        List<String> warnings = new ArrayList<>();
        assertThat(LedgerFiles.read(file, NOW, warnings::add)).containsExactly(next, next);
        assertThat(warnings).singleElement().asString().startsWith(file + ":1: skipped a damaged ledger line");
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void anEntryWithoutItsNewlineStillCountsAndTheNextStartsOnALineOfItsOwn() throws IOException {
        Path file = dir.resolve("usage.jsonl");
        UsageEntry a = new UsageEntry("s", "arms", NOW, 500);
        Files.writeString(file, UsageLedger.line(a)); // a hand edit without the last newline
        UsageEntry b = new UsageEntry("t", "arms", NOW, 700);
        try (UsageLedger ledger = UsageLedger.open(file, w -> { }); UsageLedger.Lock lock = ledger.lock()) {
            assertThat(lock.entries(NOW)).containsExactly(a); // read while it had no newline
            lock.append(b);
            assertThat(lock.entries(NOW)).containsExactly(a, b);
        }
        assertThat(LedgerFiles.read(file, NOW)).containsExactly(a, b);
    }

    @Test
    void implausibleEntriesAreSkippedWithAWarningAndNeverOverflowTheSum() throws IOException {
        Path file = dir.resolve("u.jsonl");
        String end = "\"end\":\"2026-09-21T14:00:00Z\"";
        Files.writeString(file, String.join("\n",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":9223372036854775807}",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":9223372036854775807}",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":-5}",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":3600001}",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":99999999999999999999999}",
                "{\"session\":\"a\",\"zone\":\"neck\",\"end\":\"+999999999-12-31T23:59:59Z\",\"running_ms\":1}",
                "{\"session\":\"a\",\"zone\":\"neck\",\"end\":\"-999999999-01-01T00:00:00Z\",\"running_ms\":1}",
                "{\"session\":\"a\",\"zone\":\"neck\",\"end\":\"2026-09-23T14:00:00Z\",\"running_ms\":1}",
                "{\"session\":\"a\",\"zone\":\"neck\",\"end\":\"yesterday\",\"running_ms\":1}",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":1.5}",
                "{\"session\":\"a\",\"zone\":\"neck\"," + end + ",\"running_ms\":60000}") + "\n");
        List<String> warnings = new ArrayList<>();
        List<UsageEntry> entries = LedgerFiles.read(file, NOW, warnings::add);
        assertThat(entries).containsExactly(new UsageEntry("a", "neck", NOW - 800_000, 60_000));
        assertThat(warnings).hasSize(10);
        assertThat(warnings.get(0)).isEqualTo(file + ":1: skipped an implausible ledger entry (running_ms"
                + " 9223372036854775807 is longer than the 60-minute window)");
        assertThat(warnings.get(2)).contains(":3: skipped an implausible ledger entry (running_ms -5 is negative)");
        assertThat(warnings.get(5)).contains(":6: skipped an implausible ledger entry (it ends at +999999999-12-31T23:59:59Z,"
                + " more than a day from now)");
        assertThat(warnings.get(6)).contains(":7: skipped an implausible ledger entry").contains("a date that cannot be");
        assertThat(warnings.get(8)).contains(":9: skipped a damaged ledger line");
        ZoneBudget neck = ZoneBudget.of(Zone.of("neck"), entries, NOW);
        assertThat(neck.usedMillis()).isEqualTo(60_000);
    }

    @Test
    void aNewLedgerIsPrivateAndSoAreTheDirectoriesItNeeds() throws IOException {
        Path file = dir.resolve("a/b/usage.jsonl");
        LedgerFiles.append(file, new UsageEntry("s", "arms", NOW, 1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b")))).isEqualTo("rwx------");
    }

    @Test
    void anExistingLedgerOthersCanReadGetsAWarningAndIsLeftAsItIs() throws IOException {
        Path file = Files.writeString(dir.resolve("u.jsonl"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ignored = UsageLedger.open(file, warnings::add)) {
            assertThat(warnings).singleElement().asString()
                    .isEqualTo(file + " can be read by others (rw-r--r--); it is health data: chmod 600 " + file);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void onlyARegularFileOrANewPathIsALedger() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("loop"));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        Map<Path, String> refusals = Map.of(
                dir, "is a directory",
                fifo, "is a FIFO (named pipe)",
                Path.of("/dev/full"), "is a character device",
                loop, "is a symbolic link loop",
                dangling, "is a dangling symbolic link (to " + dir.resolve("nowhere") + ", which does not exist)",
                Path.of(""), "an empty path");
        refusals.forEach((path, why) -> {
            assertThatThrownBy(() -> UsageLedger.open(path, w -> { })).isInstanceOf(FileProblem.class)
                    .hasMessageStartingWith("--ledger").hasMessageContaining(why);
            assertThatThrownBy(() -> UsageLedger.openForReading(path, w -> { })).isInstanceOf(FileProblem.class)
                    .hasMessageContaining(why);
        });
        assertThat(fifo).exists();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    /**
     * 150,000 real entries, 17 MiB: seconds a run, so mutation testing leaves it out (tag
     * {@code large-file}); the quick tests at the end pin the read limit's edges.
     */
    @Test
    @Tag("large-file")
    void aHugeLedgerIsReadFromItsLastSixteenMebibytesAndKnowsWhenThatIsNotEnough() throws IOException {
        Path file = dir.resolve("big.jsonl");
        UsageEntry old = new UsageEntry("old", "arms", NOW - 2 * 3_600_000L, 1000);
        byte[] line = (UsageLedger.line(old) + "\n").getBytes(StandardCharsets.UTF_8);
        long lines = (UsageLedger.READ_LIMIT_BYTES + 1_000_000L) / line.length;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                out.write(line);
            }
            out.write("not json\n".getBytes(StandardCharsets.UTF_8));
        }
        UsageEntry recent = new UsageEntry("new", "arms", NOW - 60_000, 5000);
        LedgerFiles.append(file, recent);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            // the 150,000-odd entries read from two hours ago are checked, then left out: no budget counts them
            assertThat(lock.entries(NOW)).containsExactly(recent);
            assertThat(ledger.reachesBackTo(NOW - 3_600_000L)).isTrue();
            assertThat(ledger.reachesBackTo(NOW - 3 * 3_600_000L)).isFalse();
            // the oldest entry read ended two hours ago: at that window start it still counts, so
            // entries not read might too; a millisecond later the read part reaches back far enough
            assertThat(ledger.reachesBackTo(NOW - 2 * 3_600_000L)).isFalse();
            assertThat(ledger.reachesBackTo(NOW - 2 * 3_600_000L + 1)).isTrue();
        }
        // the line number counts the lines not read too
        assertThat(warnings).containsExactly(file + ":" + (lines + 1) + ": skipped a damaged ledger line"
                + " (Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))");
    }

    @Test
    void aLineLongerThanTheLimitIsDamagedWithoutBeingParsed() throws IOException {
        Path file = dir.resolve("u.jsonl");
        Files.writeString(file, "{\"session\":\"" + "x".repeat(UsageLedger.LINE_LIMIT_BYTES) + "\"}\n");
        List<String> warnings = new ArrayList<>();
        assertThat(LedgerFiles.read(file, NOW, warnings::add)).isEmpty();
        assertThat(warnings).containsExactly(file + ":1: skipped a damaged ledger line (longer than 4 KiB)");
    }

    @Test
    void theDefaultLocationFollowsXdgStateHome() {
        Path home = Path.of("/home/ada");
        assertThat(UsageLedger.defaultPath(Map.of("XDG_STATE_HOME", "/var/state"), home))
                .isEqualTo(Path.of("/var/state/percuss/usage.jsonl"));
        assertThat(UsageLedger.defaultPath(Map.of(), home)).isEqualTo(Path.of("/home/ada/.local/state/percuss/usage.jsonl"));
        assertThat(UsageLedger.defaultPath(Map.of("XDG_STATE_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ada/.local/state/percuss/usage.jsonl"));
    }

    /** {@code entry}'s line padded with spaces to {@code bytes} bytes (JSON allows them), with its newline. */
    private static String padded(UsageEntry entry, int bytes) {
        String line = UsageLedger.line(entry);
        return line + " ".repeat(bytes - line.length()) + "\n";
    }

    @Test
    void readingAgainReadsOnlyWhatWasAppendedAndAnUnchangedFileIsNotReadAgain() throws FileProblem {
        Path file = dir.resolve("u.jsonl");
        UsageEntry a = new UsageEntry("s", "arms", NOW, 1000);
        UsageEntry b = new UsageEntry("s", "arms", NOW, 2000);
        try (UsageLedger ledger = UsageLedger.open(file, w -> { })) {
            assertThat(ledger.file()).isEqualTo(file);
            try (UsageLedger.Lock lock = ledger.lock()) {
                lock.append(a);
                assertThat(lock.entries(NOW)).containsExactly(a);
                assertThat(lock.entries(NOW)).containsExactly(a);
                lock.append(b);
                assertThat(lock.entries(NOW)).containsExactly(a, b);
            }
            assertThat(ledger.generation()).as("never cut short: never read again from the start").isZero();
            assertThat(ledger.reachesBackTo(NOW)).isTrue();
        }
    }

    @Test
    void aLineOfExactlyTheLimitIsReadAndOneByteMoreIsDamaged() throws IOException {
        Path file = dir.resolve("u.jsonl");
        UsageEntry a = new UsageEntry("s", "arms", NOW, 1000);
        UsageEntry b = new UsageEntry("t", "arms", NOW, 2000);
        Files.writeString(file, padded(a, UsageLedger.LINE_LIMIT_BYTES) + padded(b, UsageLedger.LINE_LIMIT_BYTES + 1));
        List<String> warnings = new ArrayList<>();
        assertThat(LedgerFiles.read(file, NOW, warnings::add)).containsExactly(a);
        assertThat(warnings).containsExactly(file + ":2: skipped a damaged ledger line (longer than 4 KiB)");
    }

    @Test
    void blankLinesAreSkippedSilentlyAndALineThatIsNotUtf8IsDamaged() throws IOException {
        Path file = dir.resolve("u.jsonl");
        UsageEntry a = new UsageEntry("s", "arms", NOW, 1000);
        byte[] notUtf8 = {'{', (byte) 0xFF, '}', '\n'};
        Files.write(file, ("\n   \n" + UsageLedger.line(a) + "\n\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, notUtf8, StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        assertThat(LedgerFiles.read(file, NOW, warnings::add)).containsExactly(a);
        assertThat(warnings).containsExactly(file + ":5: skipped a damaged ledger line (not UTF-8 text)");
    }

    @Test
    void theEdgesOfPlausibleAreInside() throws IOException {
        Path file = dir.resolve("u.jsonl");
        UsageEntry none = new UsageEntry("s", "arms", NOW, 0);
        UsageEntry wholeWindow = new UsageEntry("s", "arms", NOW, 3_600_000);
        UsageEntry aDayAhead = new UsageEntry("s", "arms", NOW + 86_400_000L, 1);
        UsageEntry pastADay = new UsageEntry("s", "arms", NOW + 86_400_001L, 1);
        LedgerFiles.append(file, none, wholeWindow, aDayAhead, pastADay);
        List<String> warnings = new ArrayList<>();
        assertThat(LedgerFiles.read(file, NOW, warnings::add)).containsExactly(none, wholeWindow, aDayAhead);
        assertThat(warnings).singleElement().asString().contains(":4: skipped an implausible ledger entry (it ends at");
    }

    @Test
    void aLedgerOpenForReadingRefusesToAppendAndAnAbsentOneLocksAsEmpty() throws IOException, FileProblem {
        Path absent = dir.resolve("none.jsonl");
        try (UsageLedger ledger = UsageLedger.openForReading(absent, w -> { })) {
            try (UsageLedger.Lock lock = ledger.tryLock()) {
                assertThat(lock).isNotNull();
                assertThat(lock.entries(NOW)).isEmpty();
                assertThatThrownBy(() -> lock.append(new UsageEntry("s", "arms", NOW, 1)))
                        .isInstanceOf(IllegalStateException.class).hasMessage("the ledger is open for reading only");
            }
        }
        assertThat(absent).doesNotExist();
    }

    @Test
    void aLockClosedTwiceIsReleasedOnceAndThenFreeForOthers() throws Exception {
        Path file = dir.resolve("u.jsonl");
        try (UsageLedger ledger = UsageLedger.open(file, w -> { }); UsageLedger other = UsageLedger.open(file, w -> { })) {
            UsageLedger.Lock lock = ledger.lock();
            lock.close();
            lock.close(); // no second release
            assertThat(CompletableFuture.supplyAsync(() -> tryLockAndClose(other)).get()).isTrue();
            try (UsageLedger.Lock again = ledger.tryLock()) {
                assertThat(again).as("the file lock was released, not only the in-process one").isNotNull();
            }
        }
    }

    private static boolean tryLockAndClose(UsageLedger ledger) {
        try (UsageLedger.Lock l = ledger.tryLock()) {
            return l != null;
        } catch (FileProblem e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLockThatCannotBeTakenSaysWhyAndLeavesTheLedgerFreeForOthers() throws Exception {
        Path file = dir.resolve("u.jsonl");
        try (UsageLedger holder = UsageLedger.open(file, w -> { }); UsageLedger second = UsageLedger.open(file, w -> { });
                UsageLedger other = UsageLedger.open(file, w -> { })) {
            try (UsageLedger.Lock held = holder.lock()) {
                // the same thread asking again through another channel: the OS lock is the process's already
                assertThatThrownBy(second::lock).isInstanceOf(FileProblem.class)
                        .hasMessage("--ledger " + file + ": cannot lock it: OverlappingFileLockException");
                assertThatThrownBy(second::tryLock).isInstanceOf(FileProblem.class)
                        .hasMessage("--ledger " + file + ": cannot lock it: OverlappingFileLockException");
            }
            assertThat(CompletableFuture.supplyAsync(() -> tryLockAndClose(other)).get()).isTrue();
        }
    }

    @Test
    void aLockHeldElsewhereIsWaitedForAtMostThePatienceThenNamedAndTheLedgerStaysFree() throws Exception {
        Path file = dir.resolve("u.jsonl");
        long[] wall = {0};
        try (UsageLedger holder = UsageLedger.open(file, w -> { });
                UsageLedger waiting = UsageLedger.open(file, w -> { }, () -> wall[0] += 400_000_000L)) {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                try (UsageLedger.Lock ignored = holder.lock()) {
                    held.countDown();
                    release.await();
                } catch (FileProblem | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            held.await();
            try {
                assertThatThrownBy(() -> waiting.lock(Duration.ofSeconds(2))).isInstanceOf(FileProblem.class)
                        .hasMessage("--ledger " + file + ": cannot lock it: another process has held its lock for 2 s"
                                + " (one stopped while it held it?)");
                assertThat(wall[0]).as("tried until 2 s had passed on its clock, then stopped at once")
                        .isBetween(2_000_000_000L, 2_799_999_999L);
                assertThatThrownBy(waiting::lock).isInstanceOf(FileProblem.class)
                        .hasMessageEndingWith("held its lock for 10 s (one stopped while it held it?)");
            } finally {
                release.countDown(); // a failure here must not leave the lock held for the tests after
                other.join();
            }
            try (UsageLedger.Lock mine = waiting.lock(Duration.ZERO)) {
                assertThat(mine).as("free once the holder let go: a failed wait took nothing").isNotNull();
            }
        }
    }

    @Test
    void readingAheadTakesNoLockAndLeavesALineStillBeingWrittenForTheReadUnderTheLock() throws Exception {
        Path file = dir.resolve("u.jsonl");
        UsageEntry a = new UsageEntry("s", "arms", NOW, 1000);
        UsageEntry b = new UsageEntry("s", "arms", NOW + 1000, 1000);
        LedgerFiles.append(file, a);
        Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
        String line = UsageLedger.line(b) + "\n";
        Files.writeString(file, line.substring(0, 20), StandardOpenOption.APPEND); // a writer part-way through
        List<String> warnings = new ArrayList<>();
        String damaged = file + ":2: skipped a damaged ledger line (Unrecognized token 'garbage': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))";
        try (UsageLedger holder = UsageLedger.open(file, w -> { });
                UsageLedger reader = UsageLedger.openForReading(file, warnings::add);
                UsageLedger.Lock held = holder.lock()) {
            CompletableFuture.runAsync(() -> readAhead(reader)).get(); // another thread: the holder's lock is this thread's
            assertThat(warnings).as("the whole lines were read, without the lock").containsExactly(damaged);
            Files.writeString(file, line.substring(20), StandardOpenOption.APPEND);
            held.close();
            try (UsageLedger.Lock lock = reader.lock()) {
                assertThat(lock.entries(NOW)).containsExactly(a, b);
            }
        }
        assertThat(warnings).as("the half-written line was not read as damaged").containsExactly(damaged);
    }

    @Test
    void aLineOfExactlyTheLimitIsAnEntryWhereverTheReadersChunksFall() throws IOException {
        UsageEntry filler = new UsageEntry("f", "arms", NOW, 1000);
        String fill = UsageLedger.line(filler) + "\n";
        String shortest = UsageLedger.line(new UsageEntry("", "arms", NOW, 1000));
        UsageEntry longest = new UsageEntry("x".repeat(UsageLedger.LINE_LIMIT_BYTES - shortest.length()), "arms", NOW, 1000);
        assertThat(UsageLedger.line(longest)).hasSize(UsageLedger.LINE_LIMIT_BYTES);
        // the 4 KiB line starts before the reader's first read (a chunk and a line's worth) ends, this far from its end
        int firstRead = UsageLedger.CHUNK_BYTES + UsageLedger.LINE_LIMIT_BYTES + 1;
        for (int before : new int[] {1, 100, 2000, 4095, 4096, 4097}) {
            Path file = dir.resolve("u" + before + ".jsonl");
            int fills = (firstRead - before - 2) / fill.length();
            String head = "x".repeat(firstRead - before - fills * fill.length() - 1) + "\n" + fill.repeat(fills);
            assertThat(head).hasSize(firstRead - before);
            Files.writeString(file, head + UsageLedger.line(longest) + "\n" + fill);
            List<String> warnings = new ArrayList<>();
            List<UsageEntry> read = LedgerFiles.read(file, NOW, warnings::add);
            assertThat(read).as("%d bytes before the chunk's end", before).hasSize(fills + 2);
            assertThat(read.get(fills)).isEqualTo(longest);
            assertThat(warnings).as("only the padding line").singleElement().asString().startsWith(file + ":1: skipped");
        }
    }

    private static void readAhead(UsageLedger ledger) {
        try {
            ledger.readAhead(NOW);
        } catch (FileProblem e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLedgerOfManyChunksIsReadLineForLineAndKeepsOnlyTheLastHour() throws IOException {
        // 3,000 entries a minute apart, ~250 KiB: four of the reader's 64 KiB chunks, with lines across
        // each boundary, and an overlong damaged line (10 KiB) across one of them
        Path file = dir.resolve("u.jsonl");
        StringBuilder text = new StringBuilder();
        List<UsageEntry> lastHour = new ArrayList<>();
        int damagedAt = 0;
        for (int i = 0; i < 3000; i++) {
            UsageEntry e = new UsageEntry("s" + i, "arms", NOW - (2999 - i) * 60_000L, 1000);
            text.append(UsageLedger.line(e)).append('\n');
            if (e.endEpochMillis() >= NOW - Zone.WINDOW.toMillis()) {
                lastHour.add(e);
            }
            if (i == 1200) {
                text.append("x".repeat(10_000)).append('\n');
                damagedAt = i + 2;
            }
        }
        Files.writeString(file, text);
        List<String> warnings = new ArrayList<>();
        assertThat(LedgerFiles.read(file, NOW, warnings::add)).containsExactlyElementsOf(lastHour).hasSize(61);
        assertThat(warnings).containsExactly(file + ":" + damagedAt + ": skipped a damaged ledger line (longer than 4 KiB)");
    }

    @Test
    void anOverlongLineStillBeingWrittenIsLeftToTheLockedReadAndWarnedOfOnce() throws Exception {
        // lengths that end the unfinished line in each part of the reader's first three chunks and past them
        for (int length : new int[] {5_000, 60_000, 69_000, 70_000, 100_000, 139_500, 140_000, 141_000, 200_000, 210_000}) {
            Path file = dir.resolve("u" + length + ".jsonl");
            UsageEntry a = new UsageEntry("s", "arms", NOW, 1000);
            LedgerFiles.append(file, a);
            Files.writeString(file, "y".repeat(length), StandardOpenOption.APPEND); // no newline yet
            List<String> warnings = new ArrayList<>();
            try (UsageLedger reader = UsageLedger.openForReading(file, warnings::add)) {
                reader.readAhead(NOW);
                assertThat(warnings).as("not yet: it may still end").isEmpty();
                Files.writeString(file, "\n", StandardOpenOption.APPEND);
                LedgerFiles.append(file, a);
                try (UsageLedger.Lock lock = reader.lock()) {
                    assertThat(lock.entries(NOW)).as("%d bytes", length).containsExactly(a, a);
                }
            }
            assertThat(warnings).as("%d bytes", length)
                    .containsExactly(file + ":2: skipped a damaged ledger line (longer than 4 KiB)");
        }
    }

    @Test
    void aClosedLedgerCannotBeLockedAndSaysSo() throws Exception {
        Path file = dir.resolve("u.jsonl");
        UsageLedger ledger = UsageLedger.open(file, w -> { });
        ledger.close();
        ledger.close();
        assertThatThrownBy(ledger::lock).isInstanceOf(FileProblem.class).hasMessageStartingWith("--ledger " + file + ": cannot lock it");
        try (UsageLedger other = UsageLedger.open(file, w -> { })) {
            assertThat(CompletableFuture.supplyAsync(() -> tryLockAndClose(other)).get()).isTrue();
        }
    }

    // ---- the last 16 MiB: files at and past the read limit, made of one long damaged line so that
    // ---- they are quick to write and to read (a line over 4 KiB is skipped without being parsed)

    private static final int LIMIT = UsageLedger.READ_LIMIT_BYTES;

    /** A private file holding {@code parts}, one after the other. */
    private Path write(String name, byte[]... parts) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void append(Path file, byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            Files.write(file, part, StandardOpenOption.APPEND);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A damaged line of {@code length} bytes, its newline included when {@code newline}. */
    private static byte[] longLine(int length, boolean newline) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) 'x');
        if (newline) {
            b[length - 1] = '\n';
        }
        return b;
    }

    private static String longerThan4KiB(Path file, long line) {
        return file + ":" + line + ": skipped a damaged ledger line (longer than 4 KiB)";
    }

    @Test
    void aLedgerOfExactlyTheReadLimitIsReadWholeAndThenReadOnFromWhereItWas() throws IOException, FileProblem {
        UsageEntry a = new UsageEntry("a", "arms", NOW, 1000);
        UsageEntry b = new UsageEntry("b", "arms", NOW, 2000);
        byte[] first = bytes(UsageLedger.line(a) + "\n");
        Path file = write("u.jsonl", first, longLine(LIMIT - first.length, true));
        assertThat(Files.size(file)).isEqualTo(LIMIT);
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            assertThat(lock.entries(NOW)).containsExactly(a);
            assertThat(ledger.reachesBackTo(Long.MIN_VALUE)).as("nothing was left out").isTrue();
            append(file, bytes(UsageLedger.line(b) + "\n")); // now past the limit, but only the new line is read
            assertThat(lock.entries(NOW)).containsExactly(a, b);
            assertThat(ledger.reachesBackTo(Long.MIN_VALUE)).isTrue();
        }
        assertThat(warnings).containsExactly(longerThan4KiB(file, 2));
    }

    @Test
    void theReadStartsAtTheFirstLineThatBeginsWithinTheLastSixteenMebibytes() throws IOException, FileProblem {
        // "x\n", then an entry beginning exactly 16 MiB before the end: it is read, "x" is not
        UsageEntry a = new UsageEntry("a", "arms", NOW, 1000);
        byte[] entry = bytes(UsageLedger.line(a) + "\n");
        Path file = write("u.jsonl", bytes("x\n"), entry, longLine(LIMIT - entry.length, true));
        assertThat(Files.size(file) - LIMIT).isEqualTo(2);
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            assertThat(lock.entries(NOW)).containsExactly(a);
            assertThat(ledger.reachesBackTo(NOW)).as("a line was left out; the oldest read is not older than now").isFalse();
            assertThat(ledger.reachesBackTo(NOW + 1)).isTrue();
        }
        assertThat(warnings).as("line numbers count the lines left out").containsExactly(longerThan4KiB(file, 3));
    }

    @Test
    void aTornLineThenMoreThanTheLimitAppendedCountsItsLinesRight() throws IOException, FileProblem {
        UsageEntry a = new UsageEntry("a", "arms", NOW, 1000);
        Path file = write("u.jsonl", bytes(UsageLedger.line(a) + "\n{\"torn"));
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            assertThat(lock.entries(NOW)).containsExactly(a); // line 2 is torn, and reported
            append(file, bytes("\n"), longLine(LIMIT + 10, true), bytes("garbage\n"));
            assertThat(lock.entries(NOW)).containsExactly(a);
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(file + ":2: skipped a damaged ledger line");
        assertThat(warnings.get(1)).startsWith(file + ":4: skipped a damaged ledger line (Unrecognized token 'garbage'");
    }

    @Test
    void aLineLongerThanTheLimitRunningToTheEndIsSkippedAndWhatFollowsItIsRead() throws IOException, FileProblem {
        UsageEntry a = new UsageEntry("a", "arms", NOW, 1000);
        UsageEntry b = new UsageEntry("b", "arms", NOW, 2000);
        Path file = write("u.jsonl", bytes(UsageLedger.line(a) + "\n{\"torn"));
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            assertThat(lock.entries(NOW)).containsExactly(a);
            append(file, bytes("\n"), longLine(LIMIT + 10, false)); // line 3, still being written
            assertThat(lock.entries(NOW)).containsExactly(a);
            append(file, bytes("\n" + UsageLedger.line(b) + "\n"));
            assertThat(lock.entries(NOW)).containsExactly(a, b);
            append(file, bytes("junk\n"));
            lock.entries(NOW);
        }
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(1)).isEqualTo(longerThan4KiB(file, 3));
        assertThat(warnings.get(2)).startsWith(file + ":5: skipped a damaged ledger line");
    }

    @Test
    void aTornLineFinishedLaterByAnotherWriterIsStillDamagedAndItsRestSaysSo() throws IOException, FileProblem {
        UsageEntry a = new UsageEntry("a", "arms", NOW, 1000);
        UsageEntry b = new UsageEntry("b", "arms", NOW, 2000);
        String line = UsageLedger.line(b);
        Path file = write("u.jsonl", bytes(UsageLedger.line(a) + "\n" + line.substring(0, 20)));
        List<String> warnings = new ArrayList<>();
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            assertThat(lock.entries(NOW)).containsExactly(a);
            append(file, bytes(line.substring(20) + "\n")); // not percuss: it starts every entry on a line of its own
            assertThat(lock.entries(NOW)).containsExactly(a);
        }
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(file + ":2: skipped a damaged ledger line");
        assertThat(warnings.get(1)).isEqualTo(file + ":2: skipped a damaged ledger line (the rest of a torn line)");
    }

    @Test
    void whileAnotherProcessReadsTheLedgerASessionCannotTakeItAndOnceItIsDoneItCan() throws Exception {
        Path file = dir.resolve("u.jsonl");
        LedgerFiles.append(file, new UsageEntry("s", "arms", NOW, 1000));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process reader = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LedgerLockHolder.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (UsageLedger ledger = UsageLedger.open(file, w -> { }); UsageLedger other = UsageLedger.open(file, w -> { })) {
            BufferedReader said = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("locked");
            // a writer's lock is exclusive: not while another process holds even a shared one
            assertThat(ledger.tryLock()).isNull();
            reader.getOutputStream().close();
            assertThat(reader.waitFor()).isZero();
            // and a busy try leaves nothing held in this process: another thread takes it now
            assertThat(CompletableFuture.supplyAsync(() -> tryLockAndClose(other)).get()).isTrue();
        } finally {
            reader.destroyForcibly();
        }
    }

    @Test
    void aReadOnlyLedgerTakesASharedLockWhetherItWaitsOrTries() throws IOException, FileProblem {
        Path file = dir.resolve("u.jsonl");
        UsageEntry a = new UsageEntry("s", "arms", NOW, 1000);
        LedgerFiles.append(file, a);
        try (UsageLedger ledger = UsageLedger.openForReading(file, w -> { }); UsageLedger.Lock lock = ledger.tryLock()) {
            assertThat(lock).isNotNull();
            assertThat(lock.entries(NOW)).containsExactly(a);
        }
    }
}
