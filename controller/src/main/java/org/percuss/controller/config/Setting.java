package org.percuss.controller.config;

import java.time.Duration;

/**
 * One key of the configuration file: its path ({@code current.trip_amps}), its kind and the range
 * it must lie in. The record that holds the value declares it, so each range has one owner: the
 * loader reads the file's value with it, the record's constructor checks with it, and both say
 * what is wrong in the same words, with the file's key and in the file's units
 * ({@code 50ms is outside 300ms..2s}).
 *
 * @param path the key path from the file's root
 * @param kind what the value is
 * @param min the smallest allowed value (nanoseconds for a duration)
 * @param max the largest allowed value (nanoseconds for a duration)
 * @param unit the unit a number is written in ({@code A}, {@code °C}), or empty
 */
public record Setting(String path, Kind kind, double min, double max, String unit) {

    /** What a setting's value is. */
    public enum Kind {
        /** A whole number, such as {@code 250}. */
        WHOLE,
        /** A number, such as {@code 3.5}. */
        NUMBER,
        /** A duration, such as {@code 500ms} or {@code 10s}. */
        DURATION
    }

    /** A whole number in {@code min..max}. */
    static Setting whole(String path, long min, long max, String unit) {
        return new Setting(path, Kind.WHOLE, min, max, unit);
    }

    /** A number in {@code min..max}. */
    static Setting number(String path, double min, double max, String unit) {
        return new Setting(path, Kind.NUMBER, min, max, unit);
    }

    /** A duration in {@code min..max}; whole nanoseconds up to days are exact in a double (below 2^53). */
    static Setting duration(String path, Duration min, Duration max) {
        return new Setting(path, Kind.DURATION, min.toNanos(), max.toNanos(), "");
    }

    /** The key inside its section: the last part of the path. */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The smallest allowed duration. */
    public Duration minDuration() {
        return Duration.ofNanos((long) min);
    }

    /** The largest allowed duration. */
    public Duration maxDuration() {
        return Duration.ofNanos((long) max);
    }

    /**
     * Reads this setting's value at {@code node}: an {@link Integer}, a {@link Double} or a
     * {@link Duration} inside the range, or {@code null} with the problem reported to {@code in}.
     */
    Object read(YamlReader in, YamlNode node) {
        return switch (kind) {
            case WHOLE -> in.integer(node, (long) min, (long) max, unit);
            case NUMBER -> in.number(node, min, max, unit);
            case DURATION -> in.duration(node, minDuration(), maxDuration());
        };
    }

    /** {@code value} if it is in range; otherwise an {@link InvalidSetting} saying so. */
    int require(int value) {
        if (value < min || value > max) {
            throw new InvalidSetting(path, YamlReader.outside(Long.toString(value), (long) min + "", (long) max + "", unit));
        }
        return value;
    }

    /** {@code value} if it is in range; otherwise an {@link InvalidSetting} saying so. */
    double require(double value) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSetting(path, YamlReader.outside(YamlReader.number(value), YamlReader.number(min),
                    YamlReader.number(max), unit));
        }
        return value;
    }

    /** {@code value} if it is in range; otherwise an {@link InvalidSetting} saying so. */
    Duration require(Duration value) {
        if (value.compareTo(minDuration()) < 0 || value.compareTo(maxDuration()) > 0) {
            throw new InvalidSetting(path, YamlReader.outside(DurationText.format(value), DurationText.format(minDuration()),
                    DurationText.format(maxDuration()), ""));
        }
        return value;
    }
}
