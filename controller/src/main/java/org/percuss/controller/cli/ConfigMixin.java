package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.percuss.controller.config.ConfigLoader;
import org.percuss.controller.config.PercussConfig;
import org.percuss.controller.files.UserDirs;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, for every command that takes one (a picocli mixin): the file's settings,
 * or the defaults when there is none; a bad file is reported, every problem on a line of its own.
 *
 * <p>{@code run} and {@code usage} also read the user's own file when no {@code --config} is
 * given ({@link #loadOrUsers}): {@code $XDG_CONFIG_HOME/percuss/percuss.yaml}, else
 * {@code ~/.config/percuss/percuss.yaml}, so that a rig wired once starts with one command.
 * {@code simulate} does not: a scenario must run the same on every machine.
 */
final class ConfigMixin {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A configuration file (docs/configuration.md): levels, timings, zones and every safety threshold.")
    private Path file;

    /** The file given, or null. */
    Path file() {
        return file;
    }

    /** The configuration in the file given, or the defaults; {@code null} when it has problems, each written to {@code err}. */
    PercussConfig load(PrintWriter err) {
        return load(file, err);
    }

    /** Like {@link #load}, but with no file given the user's own is read when anything is there (saying so). */
    PercussConfig loadOrUsers(PrintWriter err) {
        return loadOrUsers(file, err, UserDirs.current().configFile());
    }

    /** The file {@link #loadOrUsers} reads: the one given, else the user's own when it exists, else null. */
    Path source() {
        Path users = UserDirs.current().configFile();
        return file == null && users != null && Files.isRegularFile(users) ? users : file;
    }

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

    /**
     * With no {@code file}, {@code users} is read when anything is there: a file, or something
     * that is not one (a directory, a dangling link), which is then reported like any other
     * problem of a configuration rather than silently passed over.
     */
    static PercussConfig loadOrUsers(Path file, PrintWriter err, Path users) {
        if (file == null && users != null && (Files.exists(users) || Files.isSymbolicLink(users))) {
            err.println("config: " + users);
            err.flush();
            return load(users, err);
        }
        return load(file, err);
    }

    /** Where the user's own configuration lives: the XDG base directory rules, as for the ledger. */
    static Path usersFile(Map<String, String> environment, Path home) {
        return new UserDirs(environment, home).configFile();
    }
}
