package org.percuss.controller.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.percuss.controller.timing.LatencySummary;
import org.percuss.device.api.Fault;
import org.percuss.device.api.Input;
import org.percuss.device.os.RealTimePriority;
import org.percuss.device.protocol.Packet;

/**
 * Measures the emergency stop's path over a real pseudo-terminal: the board raises the e-stop input
 * bit, and the benchmark times (a) from the first TELEMETRY packet carrying the bit leaving the
 * board to the host's first zero command (SET_SPEED 0 or STOP) arriving back, which is the host's
 * own latency, and (b) from the input changing on the board to that zero command, which adds the
 * wait for the board's next telemetry report (up to one 20 ms period). Each trial is a fresh
 * {@code percuss run} process (an e-stop ends a session), pressed at a random moment S to S+1 s
 * into the running motor (arguments: trials, S; default 100 trials, the fewest a p99 means anything over,
 * S = 5), after {@value #WARM_UP_TRIALS} trials not counted. Not a test: run it with
 * {@code ./mvnw -B -ntp -q -Pbench -DskipTests -Dbench.main=org.percuss.controller.e2e.EstopLatencyBenchmark
 * "-Dbench.args=30 5" verify}.
 *
 * <p>With a third argument naming a signal ({@code HUP}, {@code TERM}, {@code INT}) it sends that
 * signal to the host instead (a closed terminal, a dropped SSH session) and times from the signal
 * sent to the first zero command and to the STOP arriving at the board:
 * {@code "-Dbench.args=100 2 HUP"}.
 *
 * <p>An argument {@code rt=N}, anywhere, runs the host with {@code --realtime-priority N} (its loop
 * and its serial reader at {@code SCHED_FIFO} N) and the emulated board's thread at N too, as a
 * board's UART interrupt takes the bytes the moment they arrive: {@code "-Dbench.args=100 1 rt=50"}.
 */
public final class EstopLatencyBenchmark {

    /**
     * Trials first run and not counted: the emulated board's JVM compiles its reading and
     * recording code in them (a board's firmware has no JIT), which put 5 of the first 10 trials
     * among the slowest 25 of 100.
     */
    private static final int WARM_UP_TRIALS = 10;

    private EstopLatencyBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        RealTimePriority priority = RealTimePriority.NORMAL;
        List<String> rest = new ArrayList<>();
        for (String a : given) {
            if (a.startsWith("rt=")) {
                priority = new RealTimePriority(Integer.parseInt(a.substring(3)));
            } else {
                rest.add(a);
            }
        }
        String[] args = rest.toArray(String[]::new);
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double pressAfterSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        if (args.length > 2) {
            signals(trials, pressAfterSeconds, args[2], priority);
            return;
        }
        Path dir = Files.createTempDirectory("percuss-estop");
        List<Double> hostLatency = new ArrayList<>();
        List<Double> inputLatency = new ArrayList<>();
        Random random = new Random(1);
        try (PtyPair pty = PtyPair.open(); EmulatedBoard board = new EmulatedBoard(pty.board(), priority)) {
            for (int i = -WARM_UP_TRIALS; i < trials; i++) {
                Started run = startHost(dir, pty, board, priority);
                HostProcess host = run.host();
                long pressAt = run.motorNanos() + (long) ((pressAfterSeconds + random.nextDouble()) * 1e9);
                untilNanoTime(pressAt);
                long pressed = System.nanoTime();
                board.execute(b -> b.setInput(Input.EMERGENCY_STOP, true));
                int code = host.waitFor(Duration.ofSeconds(10));
                Timed report = board.firstFromBoard(pressed, t -> t.packet() instanceof Packet.TelemetryReport r
                        && (r.inputs() & Input.EMERGENCY_STOP.mask()) != 0);
                if (report == null) {
                    throw new IllegalStateException("trial " + (i + 1) + ": no e-stop report; host exit " + code
                            + "\n" + host.out() + host.err());
                }
                Timed zero = board.firstFromHost(report.nanos(), Timed::isZeroCommand);
                double hostMillis = (zero.nanos() - report.nanos()) / 1e6;
                double inputMillis = (zero.nanos() - pressed) / 1e6;
                if (i >= 0) {
                    hostLatency.add(hostMillis);
                    inputLatency.add(inputMillis);
                }
                // the two moments on CLOCK_MONOTONIC (System.nanoTime's clock on Linux, perf's with -k mono) and
                // the host's pid, to find the trial in a trace of the scheduler (BENCHMARKS.md)
                System.out.printf("%s %2d: exit %d, report->zero %6.2f ms, input->zero %6.2f ms, host %d, %d..%d ns%n",
                        i < 0 ? "warm-up" : "trial", i < 0 ? i + WARM_UP_TRIALS + 1 : i + 1, code, hostMillis, inputMillis,
                        host.pid(), report.nanos(), zero.nanos());
                long cleared = System.nanoTime();
                board.execute(b -> {
                    b.setInput(Input.EMERGENCY_STOP, false);
                    b.clearFaults();
                });
                // the next trial starts once the board reports the e-stop gone
                board.link.await(() -> board.firstFromBoard(cleared, t -> t.packet() instanceof Packet.TelemetryReport r
                        && (r.inputs() & Input.EMERGENCY_STOP.mask()) == 0
                        && (r.faults() & Fault.EMERGENCY_STOP.mask()) == 0) != null, 5_000);
            }
        }
        System.out.println();
        System.out.printf("e-stop over a pseudo-terminal, %d trials pressed %.1f-%.1f s into the run, control tick 10 ms,"
                + " telemetry every 20 ms, real-time priority %s%n", trials, pressAfterSeconds, pressAfterSeconds + 1,
                priority.isRealTime() ? String.valueOf(priority.priority()) : "none");
        print("telemetry with the e-stop bit -> zero command", hostLatency);
        print("e-stop input on the board    -> zero command", inputLatency);
    }

    /** A host started, and when its first non-zero SET_SPEED arrived at the board (0 if none came). */
    private record Started(HostProcess host, long motorNanos) {
    }

    /**
     * Starts {@code percuss run} on the pty's host end and waits (15 s at most) for its first
     * non-zero SET_SPEED.
     */
    private static Started startHost(Path dir, PtyPair pty, EmulatedBoard board, RealTimePriority priority)
            throws Exception {
        long[] started = {0};
        List<Timed> packets = board.hostPackets();
        int before = packets.size();
        HostProcess host = HostProcess.start(dir, "run", "--device", "serial:" + pty.host(), "--level", "2",
                "--limit", "1m", "--warmup", "1s", "--realtime-priority", String.valueOf(priority.priority()));
        board.link.await(() -> {
            // by index: the board's thread appends while this looks, which a view of the list would not survive
            for (int k = before; k < packets.size(); k++) {
                Timed t = packets.get(k);
                if (t.packet() instanceof Packet.SetSpeed s && s.targetPpm() > 0) {
                    started[0] = t.nanos();
                    return true;
                }
            }
            return false;
        }, 15_000);
        return new Started(host, started[0]);
    }

    /** Signal {@code name} to a running host, {@code trials} times: signal sent → zero command, → STOP. */
    private static void signals(int trials, double afterSeconds, String name, RealTimePriority priority) throws Exception {
        Path dir = Files.createTempDirectory("percuss-signal");
        List<Double> toZero = new ArrayList<>();
        List<Double> toStop = new ArrayList<>();
        Random random = new Random(1);
        try (PtyPair pty = PtyPair.open(); EmulatedBoard board = new EmulatedBoard(pty.board(), priority)) {
            for (int i = 0; i < trials; i++) {
                Started run = startHost(dir, pty, board, priority);
                HostProcess host = run.host();
                long at = run.motorNanos() + (long) ((afterSeconds + random.nextDouble()) * 1e9);
                untilNanoTime(at);
                // libc's kill(2), straight from this JVM: spawning /bin/kill would add its own
                // milliseconds of fork and exec before the signal even leaves
                long sent = System.nanoTime();
                if (LIBC.kill((int) host.pid(), signalNumber(name)) != 0) {
                    throw new IllegalStateException("kill(" + host.pid() + ", SIG" + name + ") failed");
                }
                int code = host.waitFor(Duration.ofSeconds(10));
                Timed zero = board.firstFromHost(sent, Timed::isZeroCommand);
                Timed stop = board.firstFromHost(sent, t -> t.packet() instanceof Packet.Stop);
                if (zero == null || stop == null) {
                    throw new IllegalStateException("trial " + (i + 1) + ": no zero or STOP after SIG" + name + "; exit "
                            + code + "\n" + host.out() + host.err());
                }
                toZero.add((zero.nanos() - sent) / 1e6);
                toStop.add((stop.nanos() - sent) / 1e6);
                System.out.printf("trial %2d: exit %d, SIG%s->zero %6.2f ms, ->STOP %6.2f ms%n", i + 1, code, name,
                        toZero.getLast(), toStop.getLast());
            }
        }
        System.out.println();
        System.out.printf("SIG%s to a serial session over a pseudo-terminal, %d trials %.1f-%.1f s into the run%n", name,
                trials, afterSeconds, afterSeconds + 1);
        print("signal sent -> zero command arrives", toZero);
        print("signal sent -> STOP arrives        ", toStop);
    }

    /**
     * Waits until {@code System.nanoTime()} reaches {@code at}, woken by nothing else. (Waiting on
     * the link, which every packet wakes, put the press or the signal just after a packet: after a
     * report, the e-stop waited a whole telemetry period for the next one; after the host's command,
     * a signal waited a whole tick for the next. The moment must be independent of both.)
     */
    private static void untilNanoTime(long at) {
        long left;
        while ((left = at - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    /** libc's {@code kill}. */
    interface LibC extends com.sun.jna.Library {
        int kill(int pid, int signal);
    }

    private static final LibC LIBC = com.sun.jna.Native.load("c", LibC.class);

    private static int signalNumber(String name) {
        return switch (name) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException("not a stop signal: " + name + " (HUP, INT or TERM)");
        };
    }

    /** min, median, p95, p99 and max, nearest rank: the loop benchmark's {@link LatencySummary}. */
    private static void print(String what, List<Double> ms) {
        long[] nanos = ms.stream().mapToLong(v -> Math.round(v * 1e6)).toArray();
        System.out.println(what + ": " + LatencySummary.of(nanos, nanos.length).line());
    }
}
