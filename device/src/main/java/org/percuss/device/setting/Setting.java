package org.percuss.device.setting;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * One key of the configuration file: its path from the file's root ({@code current.trip_amps},
 * {@code gpio.watchdog}), its kind and the range it must lie in. The record that holds the value
 * declares it, so each range has one owner: a config reader reads the file's value with it, the
 * record's constructor checks with it, and both say what is wrong in the same words, with the
 * file's key and in the file's units ({@code 50ms is outside 300ms..2s}).
 *
 * @param path the key path from the file's root
 * @param kind what the value is
 * @param min the smallest allowed value (nanoseconds for a duration)
 * @param max the largest allowed value (nanoseconds for a duration)
 * @param unit the unit a number is written in ({@code A}, {@code °C}), or empty
 * @param note what the range is, said after it in parentheses ({@code 7-bit I2C addresses}), or empty
 * @param none the value the word {@code none} stands for (an optional pin left out), if the setting takes it
 */
public record Setting(String path, Kind kind, double min, double max, String unit, String note, OptionalInt none) {

    /** What a setting's value is. */
    public enum Kind {
        /** A whole number, such as {@code 250}. */
        WHOLE,
        /** A number, such as {@code 3.5}. */
        NUMBER,
        /** A duration, such as {@code 500ms} or {@code 10s}. */
        DURATION,
        /** A whole number written in hex or decimal and shown in hex, such as an I2C address {@code 0x40}. */
        ADDRESS
    }

    /** A whole number in {@code min..max}. */
    public static Setting whole(String path, long min, long max, String unit) {
        return new Setting(path, Kind.WHOLE, min, max, unit, "", OptionalInt.empty());
    }

    /** A number in {@code min..max}. */
    public static Setting number(String path, double min, double max, String unit) {
        return new Setting(path, Kind.NUMBER, min, max, unit, "", OptionalInt.empty());
    }

    /** A duration in {@code min..max}; whole nanoseconds up to days are exact in a double (below 2^53). */
    public static Setting duration(String path, Duration min, Duration max) {
        return new Setting(path, Kind.DURATION, min.toNanos(), max.toNanos(), "", "", OptionalInt.empty());
    }

    /** An address in {@code min..max}, written {@code 0x40} or {@code 64}. */
    public static Setting address(String path, int min, int max) {
        return new Setting(path, Kind.ADDRESS, min, max, "", "", OptionalInt.empty());
    }

    /** This setting, its range explained by {@code text} in every message. */
    public Setting withNote(String text) {
        return new Setting(path, kind, min, max, unit, text, none);
    }

    /** This setting, also taking the word {@code none}, which stands for {@code value}. */
    public Setting orNone(int value) {
        return new Setting(path, kind, min, max, unit, note, OptionalInt.of(value));
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

    /** A value of this setting as the file writes it (nanoseconds for a duration). */
    public String show(double value) {
        return switch (kind) {
            case WHOLE, NUMBER -> SettingText.number(value);
            case DURATION -> SettingText.duration(Duration.ofNanos((long) value));
            case ADDRESS -> SettingText.hex((long) value);
        };
    }

    /** What may be written, as a message says it: {@code 0.5..30 A}, {@code 100ms..10s}, {@code 0x03..0x77, 7-bit I2C addresses}. */
    public String allowed() {
        return show(min) + ".." + show(max) + (unit.isEmpty() ? "" : " " + unit) + (note.isEmpty() ? "" : ", " + note);
    }

    /** What is said of {@code value} outside the range: {@code 31 is outside 0.5..30 A}. */
    public String outside(double value) {
        return outside(value, min, max);
    }

    /**
     * What is said of {@code value} outside {@code lo..hi}, this setting's range narrowed by another
     * key ({@code max_ppm} is at least {@code min_ppm}).
     */
    public String outside(double value, double lo, double hi) {
        return show(value) + " is outside " + range(lo, hi);
    }

    /** What is said of a duration {@code value} outside {@code lo..hi}, this setting's range narrowed by another key. */
    public String outside(Duration value, Duration lo, Duration hi) {
        return outside(value.toNanos(), lo.toNanos(), hi.toNanos());
    }

    private String range(double lo, double hi) {
        return show(lo) + ".." + show(hi) + (unit.isEmpty() ? "" : " " + unit) + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /** A problem with this setting: what a record throws when a value cannot be. */
    public InvalidSetting invalid(String problem) {
        return new InvalidSetting(path, problem);
    }

    /** {@code value} if it is in range or the value {@code none} stands for; otherwise an {@link InvalidSetting} saying so. */
    public int require(int value) {
        if (none.isPresent() && none.getAsInt() == value) {
            return value;
        }
        if (value < min || value > max) {
            throw invalid(outside(value));
        }
        return value;
    }

    /** {@code value} if it is in range; otherwise an {@link InvalidSetting} saying so. */
    public double require(double value) {
        if (!(value >= min && value <= max)) {
            throw invalid(outside(value));
        }
        return value;
    }

    /** {@code value} if it is in range; otherwise an {@link InvalidSetting} saying so. */
    public Duration require(Duration value) {
        if (value.compareTo(minDuration()) < 0 || value.compareTo(maxDuration()) > 0) {
            throw invalid(outside(value.toNanos()));
        }
        return value;
    }

    /**
     * {@code value} if it is above {@code lower}'s {@code lowerValue}; otherwise an
     * {@link InvalidSetting} naming this key: {@code 3 A must be above derate_amps (3 A)}.
     */
    public double requireAbove(double value, Setting lower, double lowerValue) {
        return order(value, value > lowerValue, "above", lower, lowerValue);
    }

    /** {@code value} if it is at least {@code lower}'s {@code lowerValue}; otherwise an {@link InvalidSetting} naming this key. */
    public int requireAtLeast(int value, Setting lower, int lowerValue) {
        return (int) order(value, value >= lowerValue, "at least", lower, lowerValue);
    }

    /** {@code value} if it is after {@code earlier}'s {@code earlierValue}; otherwise an {@link InvalidSetting} naming this key. */
    public Duration requireAfter(Duration value, Setting earlier, Duration earlierValue) {
        order(value.toNanos(), value.compareTo(earlierValue) > 0, "after", earlier, earlierValue.toNanos());
        return value;
    }

    private double order(double value, boolean inOrder, String relation, Setting other, double otherValue) {
        if (!inOrder) {
            String unit = this.unit.isEmpty() ? "" : " " + this.unit;
            throw invalid(show(value) + unit + " must be " + relation + " " + other.key() + " (" + other.show(otherValue) + unit
                    + ")");
        }
        return value;
    }

    /** {@code millis}, a duration held in whole milliseconds, if it is in range; otherwise an {@link InvalidSetting}. */
    public int requireMillis(int millis) {
        require(Duration.ofMillis(millis));
        return millis;
    }
}
