package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
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
            List<UsageEntry> entries = lock.entries(NOW);
            assertThat(entries.size()).isLessThan((int) lines).isGreaterThan(100_000);
            assertThat(entries.getLast()).isEqualTo(recent);
            assertThat(ledger.reachesBackTo(NOW - 3_600_000L)).isTrue();
            assertThat(ledger.reachesBackTo(NOW - 3 * 3_600_000L)).isFalse();
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
}
