package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code percuss} as a process of its own: for what only a process shows (file permissions as a
 * user who is not root, a file-size limit, two sessions at once, the umask). As root (this machine,
 * CI) {@link #asNobody()} drops to {@code nobody} with {@code setpriv}; where that cannot be done
 * the test fails, saying why, rather than pass as root. The classpath is copied once to a
 * directory every user can read (Maven's repository is root's own).
 */
final class PercussProcess {

    private static Path classpath;

    private final List<String> prefix = new ArrayList<>();
    private boolean nobody;
    private Map<String, String> environment = Map.of();

    /** Run as a user who is not root. */
    PercussProcess asNobody() {
        nobody = true;
        return this;
    }

    /** Run under {@code command} (such as {@code prlimit --fsize=100000}). */
    PercussProcess under(String... command) {
        prefix.addAll(List.of(command));
        return this;
    }

    /** These environment variables, besides PATH, instead of the test's. */
    PercussProcess environment(Map<String, String> env) {
        environment = env;
        return this;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The process, started in {@code dir}; its output goes to files there. */
    Started start(Path dir, String... args) throws IOException {
        Path out = Files.createTempFile(dir, "percuss", ".out");
        Path err = Files.createTempFile(dir, "percuss", ".err");
        world(out);
        world(err);
        ProcessBuilder pb = builder(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new Started(pb.start(), out, err, String.join(" ", args));
    }

    /**
     * The process, started in {@code dir} with its standard input, output and error on the
     * terminal {@code tty} (a pseudo-terminal's slave), as from a shell on it; its output is the
     * terminal's, so {@link Started#waitFor} reports it empty.
     */
    Started startOnTerminal(Path dir, Path tty, String... args) throws IOException {
        Path none = Files.createTempFile(dir, "percuss", ".none");
        ProcessBuilder pb = builder(dir, args).redirectInput(ProcessBuilder.Redirect.from(tty.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tty.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(tty.toFile()));
        return new Started(pb.start(), none, none, String.join(" ", args));
    }

    private ProcessBuilder builder(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (nobody && isRoot()) {
            assertThat(Path.of("/usr/bin/setpriv")).as("setpriv (util-linux) is needed to run as nobody").exists();
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(prefix);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // as the jar's manifest allows (Enable-Native-Access): jSerialComm and JNA load native code
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", readableClasspath(),
                "org.percuss.controller.cli.Percuss"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().putAll(environment);
        return pb;
    }

    /** Runs to the end, bounded. */
    Ended run(Path dir, String... args) throws IOException, InterruptedException {
        return start(dir, args).waitFor(Duration.ofSeconds(60));
    }

    /** A started process. */
    record Started(Process process, Path out, Path err, String args) {
        Ended waitFor(Duration bound) throws IOException, InterruptedException {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("percuss " + args + " did not end within " + bound);
            }
            return new Ended(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /** How it ended. */
    record Ended(int exitCode, String out, String err) {
    }

    /** Makes {@code p} readable and writable by every user (the test's own files, for nobody). */
    static Path world(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
        return p;
    }

    private static synchronized String readableClasspath() throws IOException {
        if (classpath == null) {
            Path copy = Files.createTempDirectory("percuss-classpath");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(copy)));
            List<String> entries = new ArrayList<>();
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path from = Path.of(entry);
                if (!Files.exists(from)) {
                    continue;
                }
                Path to = copy.resolve(i++ + "-" + from.getFileName());
                copyTree(from, to);
                entries.add(to.toString());
            }
            try (Stream<Path> all = Files.walk(copy)) {
                for (Path p : all.toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            classpath = copy;
            System.setProperty("percuss.test.classpath", String.join(File.pathSeparator, entries));
        }
        return System.getProperty("percuss.test.classpath");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory: the system cleans it
        }
    }
}
