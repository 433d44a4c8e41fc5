package org.percuss.controller.e2e;

import java.io.IOException;
import java.util.Random;
import org.percuss.controller.timing.LatencySummary;
import org.percuss.device.os.RealTimePriority;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.serial.SerialLink;

/**
 * The floor under {@link EstopLatencyBenchmark}'s "report leaves the board → zero command
 * arrives": one byte across the same pseudo-terminal and back, through the same two ends (the
 * emulated board's master, {@code PosixPseudoTerminal}; the host's slave, {@link JSerialCommLink}
 * reading {@link JSerialCommLink.Reading#UNTIL_DATA UNTIL_DATA}), with no protocol, no control loop
 * and no new process: what the link and the two JVM threads cost before percuss does anything.
 * The board sends at a random moment every 20–50 ms (as a report leaves at no moment the host can
 * foresee), the host's thread writes back what it reads, the board times the byte's return.
 * Arguments: trials (default 500), then {@code rt=N} to put both threads at {@code SCHED_FIFO} N.
 * Not a test: {@code ./mvnw -B -ntp -q -Pbench -DskipTests
 * -Dbench.main=org.percuss.controller.e2e.PtyRoundTripBenchmark "-Dbench.args=500 rt=50" verify}.
 * {@code scripts/pty-round-trip} measures the same with Python at both ends, the kernel's part.
 */
public final class PtyRoundTripBenchmark {

    private static final int WARM_UP = 50;

    private PtyRoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = 500;
        RealTimePriority priority = RealTimePriority.NORMAL;
        for (String a : args) {
            if (a.startsWith("rt=")) {
                priority = new RealTimePriority(Integer.parseInt(a.substring(3)));
            } else {
                trials = Integer.parseInt(a);
            }
        }
        long[] nanos = new long[trials];
        try (PtyPair pty = PtyPair.open();
             JSerialCommLink host = JSerialCommLink.open(pty.host().toString(), 115_200, JSerialCommLink.Reading.UNTIL_DATA)) {
            RealTimePriority p = priority;
            Thread echo = Thread.ofPlatform().name("host-echo").daemon().start(() -> echo(host, p));
            priority.applyToCurrentThread().ifPresent(why -> System.err.println("board: " + why));
            SerialLink board = pty.board();
            byte[] in = new byte[64];
            byte[] one = {0x55};
            Random random = new Random(1);
            for (int i = -WARM_UP; i < trials; i++) {
                Thread.sleep(20 + random.nextInt(31));
                long sent = System.nanoTime();
                board.write(one, 0, 1);
                while (board.read(in, 0, in.length) <= 0) {
                    // the board's read waits up to a millisecond for data, then says none came
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - sent;
                }
            }
            echo.interrupt();
        }
        System.out.println("one byte, board -> host -> board over a pseudo-terminal, " + trials + " trials, "
                + (priority.isRealTime() ? "SCHED_FIFO " + priority.priority() : "normal priority") + ": "
                + LatencySummary.of(nanos, trials).line());
    }

    private static void echo(SerialLink host, RealTimePriority priority) {
        priority.applyToCurrentThread().ifPresent(why -> System.err.println("host: " + why));
        byte[] buffer = new byte[64];
        try {
            while (!Thread.currentThread().isInterrupted()) {
                int n = host.read(buffer, 0, buffer.length);
                if (n > 0) {
                    host.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the board's end closed: the run is over
        }
    }
}
