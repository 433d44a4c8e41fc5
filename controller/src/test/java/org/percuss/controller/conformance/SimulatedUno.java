package org.percuss.controller.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The reference firmware on an emulated Arduino Uno: {@code firmware/run-sim} (simavr running
 * {@code firmware/build/percuss-uno.elf}, or the test build with its hang hook) as a process of its
 * own, its UART on a pseudo-terminal whose path it prints first. Commands go to its standard input
 * ({@code estop on}, {@code overcurrent 12}, {@code hang}, ...) and are acknowledged; every line it
 * prints is kept as an {@link Event} stamped with the AVR's own time, including, with the trace on,
 * every packet both ways and the gun's speed every 100 ms.
 *
 * <p>Needs {@code make -C firmware all sim} (the Maven profile {@code firmware} runs it) and
 * simavr's library. {@link #log(String)} names a file under {@code target/simavr/} for the copy of
 * its output.
 */
public final class SimulatedUno implements AutoCloseable {

    /** The repository's firmware folder, from a module's folder. */
    public static final Path FIRMWARE = Path.of("..", "firmware").toAbsolutePath().normalize();
    private static final Duration START = Duration.ofSeconds(10);

    /**
     * One line the harness printed after the path: the AVR's time, a kind and the rest.
     *
     * @param avrMillis the AVR's time when it happened, ms since its power-up
     * @param kind the first word: {@code host}, {@code board}, {@code model}, {@code driver}, {@code reset}, {@code ok}, ...
     * @param text the rest of the line
     */
    public record Event(double avrMillis, String kind, String text) {
        /** The value of {@code key=} in the text, as a number. */
        public double value(String key) {
            for (String word : text.split(" ")) {
                if (word.startsWith(key + "=")) {
                    return Double.parseDouble(word.substring(key.length() + 1));
                }
            }
            throw new IllegalArgumentException("no " + key + " in " + this);
        }

        /** For packets: the packet's type name. */
        public String packetType() {
            return text.split(" ", 2)[0];
        }
    }

    private final Process process;
    private final Writer commands;
    private final Path path;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Object changed = new Object();

    private SimulatedUno(Process process, Path path, BufferedReader out, Path log) throws IOException {
        this.process = process;
        this.path = path;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        copy.write("uart0: " + path + "\n");
        Thread.ofPlatform().name("simavr-output").daemon().start(() -> {
            try (copy) {
                for (String line; (line = out.readLine()) != null; ) {
                    copy.write(line);
                    copy.write('\n');
                    String[] parts = line.split(" ", 3);
                    try {
                        events.add(new Event(Double.parseDouble(parts[0]), parts.length > 1 ? parts[1] : "",
                                parts.length > 2 ? parts[2] : ""));
                    } catch (NumberFormatException e) {
                        errors.add(line);
                    }
                    synchronized (changed) {
                        changed.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    /**
     * Starts the emulated Uno in real time with the packet trace on, everything it prints copied
     * to {@code log} (for a failed test's post-mortem).
     *
     * @param testBuild the test build (it has the hang hook) rather than the release build
     */
    public static SimulatedUno start(boolean testBuild, Path log) throws IOException {
        Path runSim = FIRMWARE.resolve("run-sim");
        if (!Files.isExecutable(runSim)) {
            throw new IllegalStateException(runSim + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(runSim.toString(), "--trace"));
        if (testBuild) {
            command.add("--test-build");
        }
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = readFirstLine(p, out);
        if (first == null || !first.startsWith("uart0: ")) {
            p.destroyForcibly();
            throw new IllegalStateException("firmware/run-sim did not start (first line: " + first
                    + "); build it with make -C firmware all sim (needs gcc-avr, avr-libc, simavr, libsimavr-dev)");
        }
        return new SimulatedUno(p, Path.of(first.substring("uart0: ".length()).strip()), out, log);
    }

    private static String readFirstLine(Process p, BufferedReader out) throws IOException {
        // run-sim may build first; the path line comes once the AVR runs
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (out.ready()) {
                return out.readLine();
            }
            if (!p.isAlive()) {
                return out.readLine();
            }
            try {
                p.waitFor(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Where a test's copy of the harness's output goes: {@code target/simavr/NAME.log}. */
    public static Path log(String name) {
        return Path.of("target", "simavr", name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".log");
    }

    /** The pseudo-terminal a host opens. */
    public Path path() {
        return path;
    }

    /** Sends a command and waits for it to be acknowledged; fails on an error. */
    public Event command(String command) throws IOException {
        String words = String.join(" ", command.strip().split("\\s+"));
        int from = events.size();
        commands.write(words + "\n");
        commands.flush();
        Event answer = await(from, e -> e.kind().equals("ok") && e.text().equals(words) || e.kind().equals("error"),
                Duration.ofSeconds(5));
        if (answer.kind().equals("error")) {
            throw new IllegalStateException("the harness refused '" + command + "': " + answer.text());
        }
        return answer;
    }

    public List<Event> events() {
        return events;
    }

    /** The events of one kind so far. */
    public List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** Waits for the first event from index {@code from} on that matches. */
    public Event await(int from, Predicate<Event> matches, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int i = from;
        synchronized (changed) {
            while (true) {
                for (; i < events.size(); i++) {
                    if (matches.test(events.get(i))) {
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("the emulated Uno did not show that within " + patience.toMillis()
                            + " ms (alive: " + process.isAlive() + "); last lines: "
                            + events.subList(Math.max(0, events.size() - 5), events.size()));
                }
                try {
                    changed.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** Lines that were not events (there should be none). */
    public List<String> strayLines() {
        return errors;
    }

    /** Powers it off: the harness is stopped (SIGTERM; SIGKILL if it has not ended in 5 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
