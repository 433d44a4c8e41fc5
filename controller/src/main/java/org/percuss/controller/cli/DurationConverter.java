package org.percuss.controller.cli;

import java.time.Duration;
import org.percuss.controller.config.DurationText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration option, such as {@code --limit 1m30s}, the way {@link DurationText} does. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
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
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code d} written the way {@link #parse} reads it. */
    public static String format(Duration d) {
        return DurationText.format(d);
    }
}
