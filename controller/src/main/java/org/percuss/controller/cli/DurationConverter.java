package org.percuss.controller.cli;

import java.time.Duration;
import org.percuss.controller.config.DurationText;
import org.percuss.controller.config.HardLimits;
import org.percuss.controller.text.Echo;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option, such as {@code --limit 1m30s}, the way {@link DurationText} does, and
 * checks it against the option's range, which the refusal names: {@code --limit 99999999999999h}
 * is "must be more than 0s and at most 15m", never an overflow further on. Each option with a
 * range has its converter here; the plain one takes any duration that fits in nanoseconds.
 */
public class DurationConverter implements ITypeConverter<Duration> {

    /** The longest duration a clock in nanoseconds can count: about 292 years. */
    static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private final Duration min;
    private final boolean minIncluded;
    private final Duration max;

    /** Any duration from 0 to {@link #LONGEST}. */
    public DurationConverter() {
        this(Duration.ZERO, true, Duration.ofHours(LONGEST.toHours()));
    }

    DurationConverter(Duration min, boolean minIncluded, Duration max) {
        this.min = min;
        this.minIncluded = minIncluded;
        this.max = max;
    }

    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = parse(value);
        } catch (TypeConversionException e) {
            if (e.getCause() instanceof DurationText.TooLong) {
                throw new TypeConversionException("must be " + range() + ", got " + Echo.value(value));
            }
            throw e;
        }
        int c = d.compareTo(min);
        if (c < 0 || (c == 0 && !minIncluded) || d.compareTo(max) > 0) {
            throw new TypeConversionException("must be " + range() + ", got " + format(d));
        }
        return d;
    }

    /** The range, as the refusal says it: {@code 0s..60s}, {@code more than 0s and at most 15m}. */
    String range() {
        return minIncluded ? format(min) + ".." + format(max) : "more than " + format(min) + " and at most " + format(max);
    }

    /**
     * The duration {@code text} stands for.
     *
     * @throws TypeConversionException when it is not one, with a message showing the accepted forms
     */
    public static Duration parse(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            TypeConversionException t = new TypeConversionException(e.getMessage());
            t.initCause(e);
            throw t;
        }
    }

    /** {@code d} written the way {@link #parse} reads it. */
    public static String format(Duration d) {
        return DurationText.format(d);
    }

    /** {@code --limit}: a session's running time, more than 0s and at most 15m. */
    public static final class SessionLimit extends DurationConverter {
        public SessionLimit() {
            super(Duration.ZERO, false, HardLimits.MAX_SESSION);
        }
    }

    /** {@code --warmup}: 0s..60s. */
    public static final class Warmup extends DurationConverter {
        public Warmup() {
            super(Duration.ZERO, true, HardLimits.MAX_WARMUP);
        }
    }

    /** A time into an emulated board's run ({@code --estop-at}, {@code --fault F@TIME}): 0s..24h. */
    public static final class BoardTime extends DurationConverter {
        /** The latest time: a day, as long as the longest soak anyone runs a board for. */
        static final Duration LATEST = Duration.ofHours(24);

        public BoardTime() {
            super(Duration.ZERO, true, LATEST);
        }
    }
}
