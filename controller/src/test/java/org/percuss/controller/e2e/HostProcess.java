package org.percuss.controller.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code percuss} as its own process, as a user runs it: its exit code, its output, and a SIGKILL
 * when a test needs the host to die without a word.
 */
final class HostProcess {

    private final Process process;
    private final Path out;
    private final Path err;
    final long startedNanos;

    private HostProcess(Process process, Path out, Path err, long startedNanos) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.startedNanos = startedNanos;
    }

    /** The environment variable whose value the host's JVM gets as more options. */
    static final String HOST_JAVA_OPTIONS = "PERCUSS_HOST_JAVA_OPTIONS";

    static HostProcess start(Path dir, String... args) throws IOException {
        return start(dir, List.of(), args);
    }

    /**
     * Starts percuss under {@code launcher}, a command that runs the rest (such as {@code nice -n -10}).
     * The environment variable {@value #HOST_JAVA_OPTIONS}, when set, gives the host's JVM more options
     * (space-separated; a profiler agent, {@code -Xlog:...}) without giving them to the test's own JVM,
     * as {@code JAVA_TOOL_OPTIONS} would.
     */
    static HostProcess start(Path dir, List<String> launcher, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        String extra = System.getenv(HOST_JAVA_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.percuss.controller.cli.Percuss"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "host", ".out");
        Path err = Files.createTempFile(dir, "host", ".err");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return new HostProcess(p, out, err, started);
    }

    /** Waits for the exit; fails when it takes longer than {@code limit}. */
    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("percuss did not end within " + limit + "; stdout:\n" + out() + "\nstderr:\n" + err());
        }
        return process.exitValue();
    }

    /** Sends the signal {@code name} ({@code HUP}, {@code TERM}, ...) as {@code kill -s} would; returns when it is sent. */
    /** The process id, for a signal sent without spawning {@code kill}. */
    long pid() {
        return process.pid();
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -s " + name + " failed");
        }
    }

    /**
     * Waits until the host's standard output contains {@code text}, woken by the file system's
     * change events on its output file (no polling sleep); false after {@code limit}.
     */
    boolean awaitOutput(String text, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (java.nio.file.WatchService watch = out.getFileSystem().newWatchService()) {
            out.getParent().register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
            while (!out().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !out().contains(text)) {
                    return out().contains(text);
                }
                java.nio.file.WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return true;
        }
    }

    /** SIGKILL: the host dies at once, sending nothing more. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
