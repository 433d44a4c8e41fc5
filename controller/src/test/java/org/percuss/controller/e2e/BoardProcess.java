package org.percuss.controller.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code percuss board} as its own process, as a user starts it in a terminal: its output line by
 * line as it comes (a test waits for the line that says where it listens), and a SIGTERM to stop
 * it, as Ctrl-C would.
 */
public final class BoardProcess {

    private final Process process;
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private BoardProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("board-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    fresh.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    public static BoardProcess start(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dstdout.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "org.percuss.controller.cli.Percuss", "board"));
        command.addAll(List.of(args));
        return new BoardProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start());
    }

    /** The first line from now on that matches {@code pattern}; fails after {@code limit}. */
    public Matcher awaitLine(Pattern pattern, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String line = fresh.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                process.destroyForcibly();
                throw new AssertionError("percuss board printed no line matching " + pattern + " within " + limit
                        + "; it printed:\n" + String.join("\n", lines));
            }
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return m;
            }
        }
    }

    /** SIGTERM, as Ctrl-C: the board stops, prints its summary and exits; its exit code. */
    public int stop() throws InterruptedException {
        process.toHandle().destroy(); // not Process.destroy(), which also closes the pipe the summary comes through
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("percuss board did not stop within 10 s of SIGTERM:\n" + String.join("\n", lines));
        }
        return process.exitValue();
    }

    /** Everything it printed so far. */
    public List<String> lines() {
        return lines;
    }

    /** SIGKILL, for a test that ends early: no board is left behind. */
    public void kill() {
        process.destroyForcibly();
    }
}
