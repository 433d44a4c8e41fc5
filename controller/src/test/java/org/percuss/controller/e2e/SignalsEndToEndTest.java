package org.percuss.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.percuss.device.protocol.Packet;

/**
 * The signals that end a session (issue 10), sent to a real {@code percuss run} process: a closed
 * terminal or a dropped SSH session (SIGHUP), SIGTERM and Ctrl-C (SIGINT) each stop the motor at
 * once, with STOP on the wire, the summary and exit 0, and the running time in the ledger; SIGQUIT
 * (Ctrl-\) changes nothing and prints no thread dump. On the simulator, and over a pseudo-terminal
 * to the emulated board. Real time; a few seconds each.
 */
class SignalsEndToEndTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @RegisterExtension
    final PtyCable cable = new PtyCable();

    private long ledgerMillis(Path ledger) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long sum = 0;
        for (String line : Files.readAllLines(ledger)) {
            if (!line.isBlank()) {
                sum += json.readTree(line).get("running_ms").asLong();
            }
        }
        return sum;
    }

    private static double runningSeconds(String out) {
        var m = java.util.regex.Pattern.compile("running time: (\\d+):(\\d+\\.\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HUP", "TERM", "INT"})
    void overSerialASignalPutsZeroAndStopOnTheWirePrintsTheSummaryAndKeepsTheLedger(String signal) throws Exception {
        EmulatedBoard board = cable.plugBoard();
        Path ledger = dir.resolve("usage.jsonl");
        HostProcess host = HostProcess.start(dir, "run", "--device", "serial:" + cable.pty().host(), "--level", "2",
                "--limit", "1m", "--warmup", "1s", "--zone", "arms", "--ledger", ledger.toString());
        assertThat(board.link.await(() -> board.firstFromHost(0,
                t -> t.packet() instanceof Packet.SetSpeed s && s.targetPpm() > 0) != null, 15_000))
                .as("the host started the motor").isTrue();
        long sent = System.nanoTime();
        host.signal(signal);
        assertThat(host.waitFor(Duration.ofSeconds(10))).as(host.out() + host.err()).isZero();
        assertThat(host.out()).contains("session summary").contains("stopped:      interrupted");
        Timed zero = board.firstFromHost(sent, Timed::isZeroCommand);
        assertThat(zero).as("a zero command after the signal").isNotNull();
        assertThat((zero.nanos() - sent) / MS).as("signal to zero on the wire, ms").isLessThanOrEqualTo(200);
        assertThat(board.hostPackets()).filteredOn(t -> t.nanos() > zero.nanos())
                .noneMatch(t -> t.packet() instanceof Packet.SetSpeed s && s.targetPpm() > 0);
        assertThat(board.link.await(() -> board.hostPackets().getLast().packet() instanceof Packet.Stop, 2000))
                .as("STOP last").isTrue();
        assertThat(ledgerMillis(ledger)).as("the running time is in the ledger")
                .isGreaterThanOrEqualTo((long) (runningSeconds(host.out()) * 1000) - 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HUP", "TERM", "INT"})
    void onTheSimulatorASignalEndsTheSessionWithTheSummaryAndTheLedger(String signal) throws Exception {
        Path ledger = dir.resolve("usage.jsonl");
        HostProcess host = HostProcess.start(dir, "run", "--level", "2", "--time-scale", "20", "--zone", "arms",
                "--ledger", ledger.toString());
        awaitOutput(host, "warm-up");
        host.signal(signal);
        assertThat(host.waitFor(Duration.ofSeconds(10))).as(host.out() + host.err()).isZero();
        assertThat(host.out()).contains("stopped:      interrupted").contains("zone:         arms");
        assertThat(ledgerMillis(ledger)).isGreaterThanOrEqualTo((long) (runningSeconds(host.out()) * 1000) - 10);
    }

    /**
     * Started with the stop signals ignored — under {@code nohup}, or as a script's background job
     * (where a non-interactive shell ignores SIGINT) — a signal still ends the session: the JVM
     * alone would decline the handler and leave the motor running to its limit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"HUP", "TERM", "INT"})
    void aSignalTheParentIgnoredStillEndsTheSession(String signal) throws Exception {
        Path ledger = dir.resolve("usage.jsonl");
        HostProcess host = HostProcess.start(dir, List.of("bash", "-c", "trap '' HUP INT TERM; exec \"$@\"", "bash"),
                "run", "--level", "2", "--time-scale", "20", "--zone", "arms", "--ledger", ledger.toString());
        awaitOutput(host, "warm-up");
        host.signal(signal);
        assertThat(host.waitFor(Duration.ofSeconds(10))).as(host.out() + host.err()).isZero();
        assertThat(host.out()).contains("stopped:      interrupted");
        assertThat(ledgerMillis(ledger)).isGreaterThanOrEqualTo((long) (runningSeconds(host.out()) * 1000) - 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUIT"})
    void sigquitChangesNothingAndPrintsNoThreadDump(String signal) throws Exception {
        HostProcess host = HostProcess.start(dir, "run", "--level", "2", "--time-scale", "20", "--limit", "1m");
        awaitOutput(host, "warm-up");
        host.signal(signal);
        host.signal("TERM");
        assertThat(host.waitFor(Duration.ofSeconds(10))).as(host.out() + host.err()).isZero();
        assertThat(host.out() + host.err()).doesNotContain("Full thread dump").contains("stopped:      interrupted");
    }

    /** Waits (15 s at most) until the host has printed {@code text}: it is up and its handlers are in. */
    private static void awaitOutput(HostProcess host, String text) throws Exception {
        assertThat(host.awaitOutput(text, Duration.ofSeconds(15))).as("no '%s' from percuss: %s %s", text, host.out(),
                host.err()).isTrue();
    }
}
