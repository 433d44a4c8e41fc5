package org.percuss.controller.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair joined by socat, standing in for a USB-serial cable: the host opens
 * {@link #host()}, the board {@link #board()}. Ready when socat says it is (no guessing with
 * sleeps); {@link #cut()} kills socat, as pulling the cable would.
 */
final class PtyPair implements AutoCloseable {

    private final Process socat;
    private final Path host;
    private final Path board;

    private PtyPair(Process socat, Path host, Path board) {
        this.socat = socat;
        this.host = host;
        this.board = board;
    }

    static PtyPair start(Path dir) throws IOException, InterruptedException {
        Path host = dir.resolve("host");
        Path board = dir.resolve("board");
        Process socat;
        try {
            socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + host,
                    "pty,raw,echo=0,link=" + board).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("socat is needed for the pseudo-terminal tests: apt-get install socat"
                    + " (.ci/run installs it)", e);
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(socat.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // socat ended
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                socat.destroyForcibly();
                throw new IllegalStateException("socat did not start its pty pair within 5 s");
            }
            if (line.contains("starting data transfer loop")) {
                break;
            }
        }
        if (!Files.exists(host) || !Files.exists(board)) {
            throw new IllegalStateException("socat started but " + host + " / " + board + " are missing");
        }
        return new PtyPair(socat, host, board);
    }

    Path host() {
        return host;
    }

    Path board() {
        return board;
    }

    /** Pulls the cable: kills socat, both ptys go away. */
    void cut() throws InterruptedException {
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (socat.isAlive()) {
            socat.destroyForcibly();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
