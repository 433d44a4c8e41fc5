package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.percuss.controller.config.Zone;
import org.percuss.controller.files.FileProblem;
import org.percuss.controller.session.UsageEntry;
import org.percuss.controller.session.UsageLedger;
import org.percuss.controller.session.ZoneBudget;
import org.percuss.device.time.EpochClock;

/**
 * Hostile ledgers (issue 10, items 5 to 7): good entries mixed with damaged and implausible lines
 * (absurd numbers, impossible dates, garbage, bytes that are not UTF-8, a torn last line). A
 * damaged ledger never grants time: the zone has no more left than the good entries alone leave
 * it; every bad line is named in a warning; and the commands that read and write it keep the
 * {@link Contract} and delete nothing: what was in the file is still there, in front.
 */
class HostileLedgerProperties {

    private static final Zone ARMS = Zone.of("arms");

    private Path dir;

    @BeforeTry
    void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("percuss-ledger");
    }

    @AfterTry
    void removeDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A line of a ledger: its bytes, and the entry it stands for when it is a good one. */
    record Line(byte[] bytes, UsageEntry entry) {
        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final long NOW = EpochClock.system().epochMillis();

    @Provide
    Arbitrary<Line> good() {
        return Combinators.combine(Arbitraries.of("arms", "neck"), Arbitraries.longs().between(-7_200_000, 600_000),
                Arbitraries.longs().between(0, 120_000)).as((zone, ago, ms) -> {
                    UsageEntry e = new UsageEntry("s", zone, NOW + ago, ms);
                    String line = "{\"session\":\"s\",\"zone\":\"" + zone + "\",\"end\":\"" + Instant.ofEpochMilli(NOW + ago)
                            + "\",\"running_ms\":" + ms + "}";
                    return new Line(line.getBytes(StandardCharsets.UTF_8), e);
                });
    }

    @Provide
    Arbitrary<Line> bad() {
        Arbitrary<String> running = Arbitraries.of("9223372036854775807", "-1", "-9223372036854775808", "3600001",
                "1e30", "1.5", "\"1000\"", "null", "99999999999999999999999", "[]");
        Arbitrary<String> end = Arbitraries.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                Instant.ofEpochMilli(NOW + 2 * 86_400_000L).toString(), "yesterday", "", "2026-13-45T99:99:99Z");
        Arbitrary<String> json = Combinators.combine(running, end).as((r, e) ->
                "{\"session\":\"x\",\"zone\":\"arms\",\"end\":\"" + e + "\",\"running_ms\":" + r + "}");
        Arbitrary<String> garbage = Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60)
                        .filter(s -> !s.isBlank() && !s.contains("\n")),
                Arbitraries.of("{", "[1,2]", "null", "{\"zone\":\"arms\"}", "x".repeat(5000),
                        "{\"session\":\"s\",\"zone\":\"arms\",\"end\":\"" + Instant.ofEpochMilli(NOW) + "\",\"running_ms\":"));
        Arbitrary<byte[]> notUtf8 = Arbitraries.of(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}, new byte[] {(byte) 0xc3});
        return Arbitraries.oneOf(json.map(s -> new Line(s.getBytes(StandardCharsets.UTF_8), null)),
                garbage.map(s -> new Line(s.replace('\r', ' ').replace('\u0085', ' ').replace('\u2028', ' ')
                        .replace('\u2029', ' ').getBytes(StandardCharsets.UTF_8), null)),
                notUtf8.map(b -> new Line(b, null)));
    }

    @Provide
    Arbitrary<List<Line>> ledgers() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, good()), net.jqwik.api.Tuple.of(1, bad()))
                .list().ofMaxSize(40);
    }

    private static byte[] bytes(List<Line> lines, boolean tornEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i).bytes());
            if (!(tornEnd && i == lines.size() - 1)) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Property(tries = 200)
    void aDamagedLedgerNeverGrantsTimeAndNamesEveryBadLine(@ForAll("ledgers") List<Line> lines) throws IOException {
        Path file = Files.write(dir.resolve("u.jsonl"), bytes(lines, false));
        List<String> warnings = new ArrayList<>();
        List<UsageEntry> read;
        try (UsageLedger ledger = UsageLedger.openForReading(file, warnings::add); UsageLedger.Lock lock = ledger.lock()) {
            read = new ArrayList<>(lock.entries(NOW));
        } catch (FileProblem e) {
            throw new AssertionError(e);
        }
        List<UsageEntry> good = lines.stream().filter(l -> l.entry() != null).map(Line::entry).toList();
        // what the ledger keeps: the good entries of the last hour, or later (older ones count for nothing)
        assertThat(read).containsExactlyElementsOf(good.stream()
                .filter(e -> e.endEpochMillis() >= NOW - Zone.WINDOW.toMillis()).toList());
        long bad = lines.stream().filter(l -> l.entry() == null).count();
        assertThat(warnings.stream().filter(w -> w.contains("skipped"))).hasSize((int) bad)
                .allSatisfy(w -> assertThat(w).matches("\\Q" + file + "\\E:\\d+: skipped .*"));
        ZoneBudget fromFile = ZoneBudget.of(ARMS, read, NOW);
        ZoneBudget fromGood = ZoneBudget.of(ARMS, good, NOW);
        assertThat(fromFile.left()).isLessThanOrEqualTo(fromGood.left());
        assertThat(fromFile.usedMillis()).isNotNegative();
    }

    @Property(tries = 15)
    void usageAndRunOnAHostileLedgerKeepTheContractAndDeleteNothing(@ForAll("ledgers") List<Line> lines,
                                                                       @ForAll boolean tornEnd) throws IOException {
        byte[] before = bytes(lines, tornEnd);
        Path file = Files.write(dir.resolve("u.jsonl"), before);
        Contract.run("usage", "--ledger", file.toString());
        CliRun run = Contract.run("run", "--zone", "arms", "--ledger", file.toString(), "--time-scale", "1000", "--limit",
                "2s");
        assertThat(run.exitCode()).isIn(0, 2);
        byte[] after = Files.readAllBytes(file);
        assertThat(after.length).isGreaterThanOrEqualTo(before.length);
        assertThat(java.util.Arrays.copyOf(after, before.length)).as("what was in the ledger is still there").isEqualTo(before);
        if (run.exitCode() == 0) {
            // the session's entries follow, each on a line of its own, even after a torn last line
            String added = new String(after, before.length, after.length - before.length, StandardCharsets.UTF_8);
            assertThat(added.strip().lines()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith("{\"session\":").contains("\"zone\":\"arms\""));
        }
    }

    @Property(tries = 5)
    void aLedgerOfOneHugeLineIsDamagedNotAHang(@ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.constraints.IntRange(
            min = 5_000, max = 2_000_000) Integer> lengths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int n : lengths) {
            sb.append("x".repeat(n)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("u.jsonl"), sb);
        CliRun usage = Contract.run("usage", "--ledger", file.toString());
        assertThat(usage.exitCode()).isZero();
        assertThat(usage.err()).contains("skipped a damaged ledger line (longer than 4 KiB)");
    }
}
