package org.percuss.controller.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link CanonicalLine} reads a line exactly as the full parse does, or leaves it to it: on lines
 * percuss writes, on lines with every field's edge (dates that cannot be, fractions of one to nine
 * digits, names with quotes and accents, running times out of range), and on those lines with one
 * byte changed. And it does take percuss's own lines, or it would save nothing.
 */
class CanonicalLineProperties {

    private static final long NOW = 1_790_000_000_000L; // 2026-09-21T14:13:20Z
    private static final long LATEST = 1_790_086_400_000L; // NOW + UsageLedger.FUTURE_LIMIT, a day: checked below

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(12), Arbitraries.of("9f1c0e2a-5b7d-4c3e-8f10-2a3b4c5d6e7f",
                        "lower-back", "neck", "a\"b", "a\\b", "né", ""));
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> real = Arbitraries.longs().between(-5_000_000_000_000L, 260_000_000_000_000L)
                .map(ms -> Instant.ofEpochMilli(ms).toString());
        Arbitrary<String> nanos = Combinators.combine(Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as((s, n) -> Instant.ofEpochSecond(s, n).toString());
        Arbitrary<String> near = Arbitraries.longs().between(-90_000_000L, 90_000_000L)
                .map(d -> Instant.ofEpochMilli(LATEST + d).toString());
        Arbitrary<String> made = Combinators.combine(Arbitraries.integers().between(1960, 10_000),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
                Arbitraries.integers().between(0, 25), Arbitraries.integers().between(0, 61),
                Arbitraries.integers().between(0, 61), Arbitraries.strings().withCharRange('0', '9').ofMaxLength(11),
                Arbitraries.of("Z", "Z", "Z", "z", "+01:00", ""))
                .as((y, mo, d, h, mi, sec, f, z) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, h, mi, sec,
                        f.isEmpty() ? "" : "." + f, z));
        return Arbitraries.frequencyOf(Tuple.of(1, real), Tuple.of(1, nanos), Tuple.of(1, near), Tuple.of(3, made),
                Tuple.of(1, Arbitraries.of("", "yesterday", "2026-02-30T00:00:00Z",
                "2026-09-21T14:13:20.Z", "2026-09-21T24:00:00Z", "2026-09-21T23:59:60Z", "+12026-01-01T00:00:00Z")));
    }

    @Provide
    Arbitrary<String> runnings() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-10, 4_000_000).map(String::valueOf),
                Arbitraries.of("0", "00", "01", "3600000", "3600001", "9999999", "10000000", "1.5", "1e3", "-0", "\"1000\"",
                        "", "99999999999999999999"));
    }

    private static String line(String session, String zone, String end, String running) {
        return "{\"session\":\"" + session + "\",\"zone\":\"" + zone + "\",\"end\":\"" + end + "\",\"running_ms\":" + running
                + "}";
    }

    /** The full parse's entry, or null when it refuses the line (damaged or implausible). */
    private static UsageEntry full(String text) {
        try {
            return UsageLedger.parse(text, NOW);
        } catch (Exception e) {
            return null;
        }
    }

    private static void sameAsTheFullParse(byte[] bytes) {
        UsageEntry fast = CanonicalLine.parse(bytes, 0, bytes.length, LATEST);
        if (fast != null) {
            assertThat(fast).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(full(new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    @Property(tries = 3000)
    void aLineIsReadAsTheFullParseReadsItOrLeftToIt(@ForAll("names") String session, @ForAll("names") String zone,
                                                    @ForAll("times") String end, @ForAll("runnings") String running) {
        sameAsTheFullParse(line(session, zone, end, running).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 3000)
    void aLineWithOneByteChangedIsReadAsTheFullParseReadsItOrLeftToIt(
            @ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long endMillis,
            @ForAll @LongRange(min = 0, max = 3_600_000) long running, @ForAll @IntRange(min = 0, max = 200) int at,
            @ForAll byte to) {
        byte[] bytes = UsageLedger.line(new UsageEntry("9f1c0e2a-5b7d", "lower-back", endMillis, running))
                .getBytes(StandardCharsets.UTF_8);
        bytes[at % bytes.length] = to;
        sameAsTheFullParse(bytes);
    }

    @Property(tries = 1000)
    void theLinesPercussWritesAreTakenWithoutJackson(@ForAll("names") String session,
                                                     @ForAll @LongRange(min = 0, max = LATEST - 1) long endMillis,
                                                     @ForAll @LongRange(min = 0, max = 3_600_000) long running) {
        Assume.that(StandardCharsets.UTF_8.newEncoder().canEncode(session)); // a lone surrogate is written as '?'
        UsageEntry e = new UsageEntry(session, "lower-back", endMillis, running);
        byte[] bytes = UsageLedger.line(e).getBytes(StandardCharsets.UTF_8);
        UsageEntry fast = CanonicalLine.parse(bytes, 0, bytes.length, LATEST);
        boolean plainName = session.chars().allMatch(c -> c >= ' ' && c <= '~' && c != '"' && c != '\\');
        if (plainName) {
            assertThat(fast).isEqualTo(e);
        } else {
            assertThat(fast).as("escaped or not ASCII: the full parse's").isNull();
        }
    }

    @Example
    void theLatestPlausibleEndIsADayFromNow() {
        assertThat(LATEST).isEqualTo(NOW + UsageLedger.FUTURE_LIMIT.toMillis());
    }

    @Example
    void aWholeSecondAsPercussWritesItIsTakenAtEveryFieldsEdge() {
        // Instant.toString leaves out a zero fraction: the shortest time there is
        for (String end : new String[] {"1970-01-01T00:00:01Z", "2026-09-21T23:59:59Z", "2026-09-22T00:00:00.9Z",
                "2026-09-21T14:13:20.123456789Z"}) {
            for (String running : new String[] {"0", "9", "1000", "3600000"}) {
                byte[] bytes = line("9f1c0e2a", "neck", end, running).getBytes(StandardCharsets.UTF_8);
                UsageEntry fast = CanonicalLine.parse(bytes, 0, bytes.length, LATEST);
                assertThat(fast).as(end + " " + running).isNotNull().isEqualTo(full(new String(bytes, StandardCharsets.UTF_8)));
            }
        }
    }

    @Example
    void anEndAtTheLimitItselfIsLeftToTheFullParseWhichAFractionOfAMillisecondDecides() {
        String limit = Instant.ofEpochMilli(LATEST).toString(); // ...T14:13:20Z, a day from now
        String justAfter = limit.replace("Z", ".0005Z");
        for (String end : new String[] {limit, justAfter}) {
            byte[] bytes = line("s", "neck", end, "1000").getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalLine.parse(bytes, 0, bytes.length, LATEST)).as(end).isNull();
        }
        assertThat(full(line("s", "neck", limit, "1000"))).as("at the limit: plausible").isNotNull();
        assertThat(full(line("s", "neck", justAfter, "1000"))).as("half a millisecond later: not").isNull();
    }

    @Property(tries = 200)
    void aLineInsideALargerBufferIsReadFromItsOwnBytes(@ForAll @IntRange(min = 0, max = 50) int before,
                                                       @ForAll @IntRange(min = 0, max = 50) int after) {
        UsageEntry e = new UsageEntry("s", "neck", NOW, 1000);
        byte[] line = UsageLedger.line(e).getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[before + line.length + after];
        java.util.Arrays.fill(buffer, (byte) '7');
        System.arraycopy(line, 0, buffer, before, line.length);
        assertThat(CanonicalLine.parse(buffer, before, line.length, LATEST)).isEqualTo(e);
    }
}
