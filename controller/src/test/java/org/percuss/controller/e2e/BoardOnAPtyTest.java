package org.percuss.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code percuss board --pty} and {@code percuss run} in two processes, as in two terminals: the
 * board makes its own pseudo-terminal and says where, the host opens that path as it opens a USB
 * adapter, and the session starts low, warms up and ramps as on real hardware.
 */
class BoardOnAPtyTest {

    private static final Pattern LISTENING =
            Pattern.compile("board: listening on (/dev/\\S+)(?: \\(also (\\S+)\\))? \u2014 run: percuss run --device serial:(\\S+)");
    private static final Pattern SUMMARY = Pattern.compile("board: stopped; ([0-9]+) commands served, ([0-9]+) bad frames dropped");
    private static final Duration START = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private BoardProcess board;

    @AfterEach
    void stopTheBoard() {
        if (board != null) {
            board.kill();
        }
    }

    /**
     * A config that waits a second for telemetry, not 100 ms (and lets the command line set the
     * warm-up): these tests are about the board on its pty, and on two cores shared with other builds a
     * real-time report can come 100 ms late.
     */
    private Path patientConfig() throws java.io.IOException {
        return Files.writeString(dir.resolve("patient.yaml"), "stale_telemetry_periods: 50\nwarmup: 0s\n");
    }

    /** A row of the host's trace: when (s), and the speed commanded. */
    private record Tick(double t, int commanded) {
    }

    private static List<Tick> trace(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).startsWith("t_s,state,level,target_ppm,commanded_ppm,");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(","))
                .map(f -> new Tick(Double.parseDouble(f[0]), Integer.parseInt(f[4]))).toList();
    }

    @Test
    void aHostOnThePathItPrintsStartsLowWarmsUpAndRampsThenCtrlCPrintsTheSummary() throws Exception {
        board = BoardProcess.start("--pty");
        Matcher where = board.awaitLine(LISTENING, START);
        String path = where.group(1);
        assertThat(where.group(3)).as("the command it prints names the same path").isEqualTo(path);
        assertThat(Path.of(path)).exists();

        Path trace = dir.resolve("host.csv");
        HostProcess host = HostProcess.start(dir, "run", "--device", "serial:" + path, "--level", "3", "--limit", "7s",
                "--warmup", "1s", "--trace", trace.toString(), "--config", patientConfig().toString());
        assertThat(host.waitFor(Duration.ofSeconds(30))).as(host.out() + host.err()).isZero();
        assertThat(host.out()).contains("session limit of 0:07 reached").contains("device:       serial:" + path);

        List<Tick> ticks = trace(trace);
        Tick first = ticks.stream().filter(t -> t.commanded() > 0).findFirst().orElseThrow();
        assertThat(first.commanded()).as("the first command: the lowest level").isEqualTo(1200);
        assertThat(ticks).filteredOn(t -> t.t() >= first.t() && t.t() < first.t() + 0.99)
                .as("held for the 1 s warm-up").allMatch(t -> t.commanded() == 1200);
        for (int i = 1; i < ticks.size(); i++) { // 250 ppm/s, 2 whole ppm a tick, over the time that passed
            Tick before = ticks.get(i - 1);
            Tick now = ticks.get(i);
            assertThat(now.commanded() - before.commanded()).as("rise at %.2f s", now.t())
                    .isLessThanOrEqualTo(Math.max(2, (int) Math.floor(250 * (now.t() - before.t() + 0.0005))));
        }
        assertThat(ticks.stream().mapToInt(Tick::commanded).max().orElseThrow()).as("ramped to level 3").isEqualTo(2200);

        assertThat(board.stop()).as("Ctrl-C is a normal end").isZero();
        Matcher summary = board.awaitLine(SUMMARY, Duration.ofSeconds(5));
        assertThat(Integer.parseInt(summary.group(1))).as("commands served").isGreaterThan(400);
        assertThat(summary.group(2)).isEqualTo("0");
    }

    @Test
    void ptyLinkGivesAStableNameThatReplacesAnEarlierLinkAndGoesAtTheEnd() throws Exception {
        Path link = dir.resolve("percuss-board");
        Files.createSymbolicLink(link, dir.resolve("a pty of an earlier run"));
        board = BoardProcess.start("--pty", "--pty-link", link.toString());
        Matcher where = board.awaitLine(LISTENING, START);
        assertThat(where.group(2)).isEqualTo(link.toString());
        assertThat(where.group(3)).as("the command names the link").isEqualTo(link.toString());
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of(where.group(1)));

        HostProcess host = HostProcess.start(dir, "run", "--device", "serial:" + link, "--level", "2", "--limit", "2s",
                "--warmup", "1s", "--config", patientConfig().toString());
        assertThat(host.waitFor(Duration.ofSeconds(30))).as(host.out() + host.err()).isZero();
        assertThat(host.out()).contains("session limit of 0:02 reached");

        assertThat(board.stop()).isZero();
        board.awaitLine(SUMMARY, Duration.ofSeconds(5));
        assertThat(link).as("the link goes with the board").doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isFalse();
    }
}
