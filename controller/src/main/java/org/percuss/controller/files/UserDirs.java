package org.percuss.controller.files;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.percuss.controller.text.Echo;

/**
 * Where a user's own files live: the home directory, as every Unix program finds it ({@code $HOME}
 * first; the JVM's {@code user.home} comes from the account database and ignores it), and the XDG
 * base directories under it ({@code $XDG_CONFIG_HOME}, {@code $XDG_STATE_HOME}; relative values
 * are ignored, as the XDG specification says).
 *
 * @param environment the process's environment
 * @param home the home directory, or {@code null} when there is none
 */
public record UserDirs(Map<String, String> environment, Path home) {

    /** This process's: {@code $HOME}, else the account's home directory. */
    public static UserDirs current() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    /** The directories for {@code environment}, with {@code accountHome} (user.home) when HOME is not set. */
    public static UserDirs of(Map<String, String> environment, String accountHome) {
        Path home = absolute(environment.get("HOME"));
        if (home == null && !"?".equals(accountHome)) {
            home = absolute(accountHome);
        }
        return new UserDirs(environment, home);
    }

    private static Path absolute(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            Path p = Path.of(s);
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The user's configuration file, or {@code null} when there is no home to look in. */
    public Path configFile() {
        Path base = xdg("XDG_CONFIG_HOME", ".config");
        return base == null ? null : base.resolve("percuss").resolve("percuss.yaml");
    }

    /** The default usage ledger's path, or {@code null} when there is no home to keep it in. */
    public Path ledgerPath() {
        Path base = xdg("XDG_STATE_HOME", ".local/state");
        return base == null ? null : base.resolve("percuss").resolve("usage.jsonl");
    }

    /**
     * The token of {@code run --web} on an address other than loopback (a secret of the user's,
     * revoked by deleting it), or {@code null} when there is no home to keep it in.
     */
    public Path webTokenPath() {
        Path base = xdg("XDG_STATE_HOME", ".local/state");
        return base == null ? null : base.resolve("percuss").resolve("web-token");
    }

    /**
     * The default usage ledger, where it can be kept.
     *
     * @throws FileProblem when there is no home directory to keep it in, saying what to do
     */
    public Path ledger() throws FileProblem {
        Path path = ledgerPath();
        if (path == null) {
            throw new FileProblem("--ledger: no home directory to keep the usage ledger in (HOME is not set); set HOME"
                    + " or XDG_STATE_HOME, or give --ledger FILE");
        }
        if (absolute(environment.get("XDG_STATE_HOME")) == null && !Files.isDirectory(home)) {
            throw new FileProblem("--ledger: the home directory " + Echo.value(home.toString()) + " does not exist; set HOME"
                    + " or XDG_STATE_HOME, or give --ledger FILE");
        }
        return path;
    }

    private Path xdg(String variable, String underHome) {
        Path set = absolute(environment.get(variable));
        if (set != null) {
            return set;
        }
        return home == null ? null : home.resolve(underHome);
    }
}
