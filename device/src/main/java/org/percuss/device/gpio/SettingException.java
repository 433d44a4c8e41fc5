package org.percuss.device.gpio;

/**
 * A rig setting that cannot be, with the key path of the setting inside the {@code gpio} section
 * ({@code sensors.current.address}, {@code tach_pin}) and what is wrong with it, apart, so that a
 * config reader finds the setting's line from the path, never from the message's text. The
 * message is {@code key: problem}.
 */
public final class SettingException extends IllegalArgumentException {

    private final String key;
    private final String problem;

    /**
     * @param key the key path inside the {@code gpio} section, dotted
     * @param problem what is wrong and what is allowed
     */
    public SettingException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key path inside the {@code gpio} section: {@code sensors.current.address}. */
    public String key() {
        return key;
    }

    /** What is wrong and what is allowed, without the key. */
    public String problem() {
        return problem;
    }

    static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new SettingException(key, value + " is outside " + min + ".." + max);
        }
    }

    static void range(String key, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new SettingException(key, number(value) + " " + unit + " is outside " + number(min) + ".." + number(max)
                    + " " + unit);
        }
    }

    /** A number as a user writes it: {@code 3}, {@code 0.1}. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
