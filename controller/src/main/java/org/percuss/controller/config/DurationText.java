package org.percuss.controller.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.percuss.controller.text.Echo;
import org.percuss.device.setting.SettingText;

/**
 * Durations as people write them, on the command line and in files: {@code 20s}, {@code 5m},
 * {@code 1m30s}, {@code 1h}, {@code 250ms}, {@code 1.5s}. Units are required, in the order h, m,
 * s, ms, each at most once.
 */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile(
            "(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+(?:\\.\\d{1,9})?)s)?(?:(\\d+)ms)?");

    private DurationText() {
    }

    /**
     * The duration {@code text} stands for.
     *
     * @throws IllegalArgumentException when it is not one, with a message showing the accepted forms
     */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + Echo.value(text) + "' is not a duration; write it like 20s, 5m or 1m30s");
        }
        try {
            Duration d = Duration.ZERO;
            if (m.group(1) != null) {
                d = d.plusHours(Long.parseLong(m.group(1)));
            }
            if (m.group(2) != null) {
                d = d.plusMinutes(Long.parseLong(m.group(2)));
            }
            if (m.group(3) != null) {
                d = d.plusNanos(new BigDecimal(m.group(3)).movePointRight(9).longValueExact());
            }
            if (m.group(4) != null) {
                d = d.plusMillis(Long.parseLong(m.group(4)));
            }
            return d;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new TooLong("'" + Echo.value(text) + "' is too long a duration");
        }
    }

    /** A duration written correctly but too long for any setting (longer than {@code Duration} can hold). */
    public static final class TooLong extends IllegalArgumentException {
        TooLong(String message) {
            super(message);
        }
    }

    /** {@code d} written the way {@link #parse} reads it: {@code 15m}, {@code 1m30s}, {@code 250ms} ({@link SettingText#duration}). */
    public static String format(Duration d) {
        return SettingText.duration(d);
    }
}
