package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.percuss.controller.config.ConfigLoader;
import org.percuss.controller.config.PercussConfig;

/**
 * {@code --config FILE}, shared by the commands that take one: the file's settings, or the
 * defaults when there is none; a bad file is reported, every problem on a line of its own.
 */
final class ConfigOption {

    private ConfigOption() {
    }

    /**
     * The configuration in {@code file}, or the defaults when {@code file} is null; {@code null}
     * when the file has problems, each written to {@code err}.
     */
    static PercussConfig load(Path file, PrintWriter err) {
        if (file == null) {
            return PercussConfig.DEFAULT;
        }
        ConfigLoader.Result r = ConfigLoader.load(file);
        if (!r.ok()) {
            r.problems().forEach(p -> err.println(p));
            err.flush();
            return null;
        }
        return r.config();
    }
}
