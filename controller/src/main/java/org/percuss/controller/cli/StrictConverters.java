package org.percuss.controller.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.percuss.controller.text.Echo;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How every option value of a type is read, more strictly than picocli's own converters:
 * whole numbers in ASCII digits only (Java's parsers take {@code ３}, a full-width digit, for 3,
 * and a hundred other scripts' digits too), numbers without Java's suffixes and hexadecimal, and
 * paths without a NUL. A refusal echoes the value cut to a readable length.
 */
final class StrictConverters {

    private StrictConverters() {
    }

    /** Registers these converters on {@code cl} and all its subcommands. */
    static void register(CommandLine cl) {
        cl.registerConverter(Integer.class, StrictConverters::integer);
        cl.registerConverter(Integer.TYPE, StrictConverters::integer);
        cl.registerConverter(Long.class, StrictConverters::longInteger);
        cl.registerConverter(Long.TYPE, StrictConverters::longInteger);
        cl.registerConverter(Double.class, StrictConverters::number);
        cl.registerConverter(Double.TYPE, StrictConverters::number);
        cl.registerConverter(Path.class, StrictConverters::path);
    }

    static Integer integer(String value) {
        long v = longInteger(value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + Echo.value(value) + "' is too large a number");
        }
        return (int) v;
    }

    static Long longInteger(String value) {
        if (!value.matches("[+-]?[0-9]{1,40}")) {
            throw new TypeConversionException("'" + Echo.value(value) + "' is not a whole number (digits 0-9)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + Echo.value(value) + "' is too large a number");
        }
    }

    static Double number(String value) {
        // digits, a point, an exponent; or the words Java reads (NaN, Infinity), which the commands' ranges refuse
        if (!value.matches("[+-]?([0-9]{1,400}(\\.[0-9]{0,400})?|\\.[0-9]{1,400})([eE][+-]?[0-9]{1,6})?|[+-]?(NaN|Infinity)")) {
            throw new TypeConversionException("'" + Echo.value(value) + "' is not a number (digits 0-9, a point)");
        }
        return Double.parseDouble(value);
    }

    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + Echo.value(value) + "' is not a path: " + e.getReason());
        }
    }
}
