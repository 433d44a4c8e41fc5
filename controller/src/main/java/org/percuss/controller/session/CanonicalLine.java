package org.percuss.controller.session;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.percuss.controller.config.Zone;

/**
 * The ledger line exactly as percuss writes it, read straight from its bytes:
 *
 * <pre>
 *   {"session":"9f1c…","zone":"lower-back","end":"2026-11-24T03:10:05.123Z","running_ms":1000}
 * </pre>
 *
 * <p>A ledger of months holds a hundred thousand such lines, and a fresh JVM took seconds to put
 * each through Jackson and {@code Instant.parse}. This reads the one shape, in its one order, with
 * printable ASCII names without escapes, a UTC time of year 1970–9999 with up to nine decimals, a
 * whole {@code running_ms} of at most seven digits; for anything else (another order, spaces,
 * escapes, a damaged or implausible line) it answers {@code null} and the ledger parses the line
 * in full, which names what is wrong. What it answers is what the full parse gives, which
 * {@code CanonicalLineProperties} checks line for line.
 */
final class CanonicalLine {

    private static final byte[] SESSION = "{\"session\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZONE = "\",\"zone\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\",\"end\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RUNNING = "\",\"running_ms\":".getBytes(StandardCharsets.US_ASCII);
    private static final long SECONDS_PER_DAY = 86_400L;

    private CanonicalLine() {
    }

    /**
     * The entry on {@code bytes[offset, offset + length)} when the line has percuss's own shape and
     * is plausible at {@code latestEndMillis} (ends no later); otherwise {@code null}.
     */
    static UsageEntry parse(byte[] bytes, int offset, int length, long latestEndMillis) {
        int end = offset + length;
        int session = expect(bytes, offset, end, SESSION);
        int sessionEnd = name(bytes, session, end);
        int zone = expect(bytes, sessionEnd, end, ZONE);
        int zoneEnd = name(bytes, zone, end);
        int time = expect(bytes, zoneEnd, end, END);
        int timeEnd = name(bytes, time, end);
        int running = expect(bytes, timeEnd, end, RUNNING);
        if (running < 0) {
            return null;
        }
        long endMillis = instant(bytes, time, timeEnd);
        // at the limit itself a fraction of a millisecond decides: the full parse does
        if (endMillis < 0 || endMillis >= latestEndMillis) {
            return null;
        }
        long ms = 0;
        int digits = 0;
        for (int i = running; i < end - 1; i++, digits++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9 || digits == 7 || (digits == 1 && ms == 0)) {
                return null; // not a digit, too long to be plausible, or a leading zero
            }
            ms = ms * 10 + d;
        }
        if (digits == 0 || bytes[end - 1] != '}' || ms > Zone.WINDOW.toMillis()) {
            return null;
        }
        return new UsageEntry(ascii(bytes, session, sessionEnd), ascii(bytes, zone, zoneEnd), endMillis, ms);
    }

    /** Past {@code literal} at {@code at}, or −1 when it is not there (or {@code at} is −1). */
    private static int expect(byte[] bytes, int at, int end, byte[] literal) {
        if (at < 0 || end - at < literal.length) {
            return -1;
        }
        for (int i = 0; i < literal.length; i++) {
            if (bytes[at + i] != literal[i]) {
                return -1;
            }
        }
        return at + literal.length;
    }

    /** Where a name of printable ASCII without quotes or backslashes ends (its closing quote), or −1. */
    private static int name(byte[] bytes, int at, int end) {
        if (at < 0) {
            return -1;
        }
        for (int i = at; i < end; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, all of {@code bytes[from, to)}, as milliseconds since
     * the epoch (the fraction truncated, as {@code Instant.toEpochMilli} does after 1970); −1 when
     * it is not such a time, or not a real date.
     */
    private static long instant(byte[] bytes, int from, int to) {
        if (from < 0 || to - from < 20 || bytes[to - 1] != 'Z' || bytes[from + 4] != '-' || bytes[from + 7] != '-'
                || bytes[from + 10] != 'T' || bytes[from + 13] != ':' || bytes[from + 16] != ':') {
            return -1;
        }
        int year = number(bytes, from, 4);
        int month = number(bytes, from + 5, 2);
        int day = number(bytes, from + 8, 2);
        int hour = number(bytes, from + 11, 2);
        int minute = number(bytes, from + 14, 2);
        int second = number(bytes, from + 17, 2);
        if (year < 1970 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return -1;
        }
        int millis = 0;
        int fraction = to - 1 - (from + 19); // the characters between the seconds and the Z
        if (fraction > 0) {
            int digits = fraction - 1;
            if (bytes[from + 19] != '.' || digits < 1 || digits > 9 || number(bytes, from + 20, digits) < 0) {
                return -1;
            }
            millis = number(bytes, from + 20, Math.min(3, digits));
            for (int d = digits; d < 3; d++) {
                millis *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return -1; // the 30th of February: the full parse says so
        }
        return (epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second) * 1000L + millis;
    }

    /** The {@code width} decimal digits at {@code at}, or −1. */
    private static int number(byte[] bytes, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }
}
