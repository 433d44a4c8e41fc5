package org.percuss.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.protocol.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROTOCOL.md end to end on real pseudo-terminals ({@link PtyPair}): percuss as the host in its own
 * process, opening the pty's path as it opens a USB adapter; the emulated board in this one on the
 * master, every packet recorded at the board's end with the time it crossed. Real time; each test
 * takes a few seconds.
 */
class SerialEndToEndTest {

    private static final long MS = 1_000_000L;
    private static final int WATCHDOG_MS = 250;
    private static final int TELEMETRY_MS = 20;

    @TempDir
    Path dir;

    @RegisterExtension
    final PtyCable cable = new PtyCable();

    private HostProcess host(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--device";
        all[2] = "serial:" + cable.pty().host();
        System.arraycopy(args, 0, all, 3, args.length);
        return HostProcess.start(dir, all);
    }

    private List<Packet.SetSpeed> speeds() {
        return cable.board().hostPackets().stream().map(Timed::packet)
                .filter(Packet.SetSpeed.class::isInstance).map(Packet.SetSpeed.class::cast).toList();
    }

    /** Waits until the host has commanded a non-zero speed for {@code millis}. */
    private void awaitRunningFor(long millis) throws InterruptedException {
        EmulatedBoard board = cable.board();
        assertThat(board.link.await(() -> {
            Timed first = board.firstFromHost(0, t -> t.packet() instanceof Packet.SetSpeed s && s.targetPpm() > 0);
            return first != null && System.nanoTime() - first.nanos() >= millis * MS;
        }, 15_000)).as("the host started the motor").isTrue();
    }

    @Test
    void aNormalSessionFollowsTheProtocolAndTheSafetyRules() throws Exception {
        EmulatedBoard board = cable.plugBoard();
        HostProcess host = host("--level", "3", "--limit", "8s", "--warmup", "2s");
        assertThat(host.waitFor(Duration.ofSeconds(30))).as(host.err()).isZero();
        assertThat(host.out()).contains("session limit of 0:08 reached");

        List<Timed> packets = board.hostPackets();
        assertThat(packets.getFirst().packet()).isInstanceOf(Packet.Hello.class);
        List<Timed> timedSpeeds = packets.stream().filter(t -> t.packet() instanceof Packet.SetSpeed).toList();
        Timed first = timedSpeeds.stream().filter(t -> ((Packet.SetSpeed) t.packet()).targetPpm() > 0).findFirst().orElseThrow();
        assertThat(((Packet.SetSpeed) first.packet()).targetPpm()).isEqualTo(1200);
        // the warm-up: 1200 for 2 s before the first increase
        Timed firstIncrease = timedSpeeds.stream().filter(t -> ((Packet.SetSpeed) t.packet()).targetPpm() > 1200)
                .findFirst().orElseThrow();
        assertThat((firstIncrease.nanos() - first.nanos()) / 1e9).isGreaterThanOrEqualTo(1.95);
        // the ramp, over any window of at least 100 ms on the board's clock
        for (int i = 0; i < timedSpeeds.size(); i++) {
            for (int j = i + 1; j < timedSpeeds.size(); j++) {
                double dt = (timedSpeeds.get(j).nanos() - timedSpeeds.get(i).nanos()) / 1e9;
                int a = ((Packet.SetSpeed) timedSpeeds.get(i).packet()).targetPpm();
                int b = ((Packet.SetSpeed) timedSpeeds.get(j).packet()).targetPpm();
                if (dt >= 0.1 && a > 0 && b > 0) {
                    assertThat(b - a).as("rise over %.3f s", dt).isLessThanOrEqualTo((int) (250 * dt) + 5);
                }
            }
        }
        assertThat(speeds().stream().mapToInt(Packet.SetSpeed::targetPpm).max().orElse(0)).isEqualTo(2200);
        // the watchdog is fed: host packets never more than watchdog_ms / 3 apart from HELLO to the end
        for (int i = 1; i < packets.size(); i++) {
            assertThat((packets.get(i).nanos() - packets.get(i - 1).nanos()) / MS)
                    .as("gap before host packet %d, %s after %s", i, packets.get(i).packet(), packets.get(i - 1).packet())
                    .isLessThanOrEqualTo(WATCHDOG_MS / 3);
        }
        // the host wrote STOP before it exited; the board reads it a moment later
        assertThat(board.link.await(() -> board.hostPackets().getLast().packet() instanceof Packet.Stop, 2000))
                .as("STOP before closing, last packet " + board.hostPackets().getLast()).isTrue();
    }

    @Test
    void aBoardFaultStopsTheHostWithinOneTickAndExitsFourNamingIt() throws Exception {
        EmulatedBoard board = cable.plugBoard();
        HostProcess host = host("--level", "3", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(1500);
        long injected = System.nanoTime();
        board.execute(b -> b.setFaultCondition(Fault.OVER_TEMPERATURE, true));
        assertThat(host.waitFor(Duration.ofSeconds(10))).isEqualTo(4);
        assertThat(host.out()).contains("over temperature");

        Timed report = board.firstFromBoard(injected, t -> t.packet() instanceof Packet.TelemetryReport r
                && (r.faults() & Fault.OVER_TEMPERATURE.mask()) != 0);
        Timed zero = board.firstFromHost(report.nanos(), Timed::isZeroCommand);
        long latency = zero.nanos() - report.nanos();
        assertThat(latency / MS).as("fault report to zero command").isLessThanOrEqualTo(100);
        assertThat(board.hostPackets()).filteredOn(t -> t.nanos() > zero.nanos())
                .noneMatch(t -> t.packet() instanceof Packet.SetSpeed s && s.targetPpm() > 0);
    }

    @Test
    void theEmergencyStopInputStopsTheHostAndExitsFourNamingIt() throws Exception {
        EmulatedBoard board = cable.plugBoard();
        HostProcess host = host("--level", "2", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(1500);
        long pressed = System.nanoTime();
        board.execute(b -> b.setInput(Input.EMERGENCY_STOP, true));
        assertThat(host.waitFor(Duration.ofSeconds(10))).isEqualTo(4);
        assertThat(host.out()).contains("emergency stop");
        Timed report = board.firstFromBoard(pressed, t -> t.packet() instanceof Packet.TelemetryReport r
                && (r.inputs() & Input.EMERGENCY_STOP.mask()) != 0);
        Timed zero = board.firstFromHost(report.nanos(), Timed::isZeroCommand);
        assertThat((zero.nanos() - report.nanos()) / MS).isLessThanOrEqualTo(100);
    }

    @Test
    void aSilentBoardEndsTheHostWithExitThreeAfterTheOneSecondHandshakeNamingThePort() throws Exception {
        // What starting and ending percuss costs on this machine now, for the bound below: on two busy
        // cores a JVM alone may take a second, so a fixed bound from process start measures the machine.
        HostProcess version = HostProcess.start(dir, "--version");
        assertThat(version.waitFor(Duration.ofSeconds(30))).isZero();
        double startAndExit = (System.nanoTime() - version.startedNanos) / 1e9;

        HostProcess host = host("--level", "1");
        int code = host.waitFor(Duration.ofSeconds(10));
        double seconds = (System.nanoTime() - host.startedNanos) / 1e9;
        assertThat(code).isEqualTo(3);
        assertThat(host.err()).contains(cable.pty().host().toString()).contains("no answer to HELLO");
        assertThat(host.err().strip().lines()).hasSize(1);
        // the handshake's 1 s (its message says it waited that long), and what a serial session loads
        // that --version does not (jSerialComm's native library, the config, the loop); not the 10 s a
        // hung host would take
        assertThat(seconds - startAndExit).as("process start to exit (%.2f s), less starting and exiting (%.2f s)",
                seconds, startAndExit).isLessThanOrEqualTo(2.5);
    }

    @Test
    void aSessionCompletesThroughLineNoise() throws Exception {
        EmulatedBoard board = cable.plugBoard();
        // A bit flipped in 3 bytes of 1000 either way (2-3 % of packets; about 12 flips expected in
        // the 4000-odd bytes the host sends, so the chance that none hits is about 1e-5), and a
        // burst of junk after one packet in 20 from the board (each costs the packet after it).
        board.link.noise(0.003, 0.05);
        HostProcess host = host("--level", "2", "--limit", "5s", "--warmup", "1s");
        assertThat(host.waitFor(Duration.ofSeconds(30))).as(host.err()).isZero();
        assertThat(host.out()).contains("session limit of 0:05 reached");
        assertThat(board.hostPackets().size()).isGreaterThan(400);
        assertThat(board.droppedFrames()).as("frames the noise destroyed on the way in").isPositive();
    }

    @Test
    void whenTheHostIsKilledTheBoardsWatchdogStopsTheMotor() throws Exception {
        EmulatedBoard board = cable.plugBoard();
        HostProcess host = host("--level", "3", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(2000);
        host.kill(); // SIGKILL: no STOP, nothing
        assertThat(board.link.await(() -> board.firstFromBoard(0, t -> t.packet() instanceof Packet.TelemetryReport r
                && (r.faults() & Fault.COMM_TIMEOUT.mask()) != 0) != null, 2000)).isTrue();
        Timed timeout = board.firstFromBoard(0, t -> t.packet() instanceof Packet.TelemetryReport r
                && (r.faults() & Fault.COMM_TIMEOUT.mask()) != 0);
        // In the board's own time, free of this machine's scheduling: the last host packet was read
        // at board time L; the watchdog stops the motor at L + watchdog_ms (to the 1 ms physics
        // step) and the next telemetry report, stamped with the board's uptime, tells of it.
        long lastFromHostBoardMillis = board.link.hostPacketBoardMillis.getLast();
        long reportedAt = ((Packet.TelemetryReport) timeout.packet()).uptimeMillis();
        assertThat(reportedAt - lastFromHostBoardMillis).isBetween((long) WATCHDOG_MS, (long) WATCHDOG_MS + TELEMETRY_MS + 1);
        assertThat(((Packet.TelemetryReport) timeout.packet()).measuredPpm()).isLessThan(2200);
    }

    @Test
    void aCutLinkStopsTheHostWithExitThree() throws Exception {
        cable.plugBoard();
        HostProcess host = host("--level", "2", "--limit", "1m", "--warmup", "1s");
        awaitRunningFor(1500);
        cable.pty().cut();
        int code = host.waitFor(Duration.ofSeconds(10));
        assertThat(code).as(host.out() + host.err()).isEqualTo(3);
        assertThat(host.out()).contains("link lost").contains(cable.pty().host().toString());
    }
}
