package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLedgerTest {

    @TempDir
    Path dir;

    @Test
    void appendsOneJsonLinePerEntryAndReadsThemBack() throws IOException {
        UsageLedger ledger = new UsageLedger(dir.resolve("state/percuss/usage.jsonl"));
        UsageEntry a = new UsageEntry("s1", "neck", 1_790_000_000_000L, 1000);
        UsageEntry b = new UsageEntry("s1", "neck", 1_790_000_001_000L, 734);
        ledger.append(a);
        ledger.append(b);
        assertThat(Files.readAllLines(ledger.file())).containsExactly(
                "{\"session\":\"s1\",\"zone\":\"neck\",\"end\":\"2026-09-21T14:13:20Z\",\"running_ms\":1000}",
                "{\"session\":\"s1\",\"zone\":\"neck\",\"end\":\"2026-09-21T14:13:21Z\",\"running_ms\":734}");
        assertThat(ledger.read(w -> { })).containsExactly(a, b);
    }

    @Test
    void anAbsentLedgerIsEmpty() {
        assertThat(new UsageLedger(dir.resolve("none.jsonl")).read(w -> { })).isEmpty();
    }

    @Test
    void skipsATornLastLineAndACorruptLineWithAWarningNamingFileAndLine() throws IOException {
        UsageLedger ledger = new UsageLedger(dir.resolve("usage.jsonl"));
        ledger.append(new UsageEntry("s", "arms", 1_790_000_000_000L, 1000));
        Files.writeString(ledger.file(), "garbage here\n", StandardOpenOption.APPEND);
        ledger.append(new UsageEntry("s", "arms", 1_790_000_001_000L, 1000));
        Files.writeString(ledger.file(), "{\"session\":\"s\",\"zone\":\"arms\",\"end\":\"2026-09-2", StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        List<UsageEntry> entries = ledger.read(warnings::add);
        assertThat(entries).hasSize(2);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(ledger.file() + ":2: skipped a damaged ledger line");
        assertThat(warnings.get(1)).startsWith(ledger.file() + ":4: skipped a damaged ledger line");
    }

    @Test
    void aLineWithTheWrongFieldsIsDamagedToo() throws IOException {
        Path f = dir.resolve("u.jsonl");
        Files.writeString(f, "{\"zone\":\"arms\",\"running_ms\":-5}\n[1,2]\n");
        List<String> warnings = new ArrayList<>();
        assertThat(new UsageLedger(f).read(warnings::add)).isEmpty();
        assertThat(warnings).hasSize(2);
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
