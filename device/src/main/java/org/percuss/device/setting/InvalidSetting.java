package org.percuss.device.setting;

/**
 * A setting that cannot be, with the key path of the setting from the configuration file's root
 * ({@code current.trip_amps}, {@code gpio.sensors.current.address}) and what is wrong with it
 * apart, so that a config reader finds the setting's line from the path in the file's tree, never
 * from the message's text. The message is {@code path: problem}.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private final String path;
    private final String problem;

    /**
     * @param path the key path of the setting, from the file's root
     * @param problem what is wrong and what is allowed, in the file's words and units
     */
    public InvalidSetting(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** The key path of the setting: {@code current.trip_amps}. */
    public String path() {
        return path;
    }

    /** What is wrong and what is allowed, without the key. */
    public String problem() {
        return problem;
    }
}
