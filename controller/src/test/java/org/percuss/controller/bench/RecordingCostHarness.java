package org.percuss.controller.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.percuss.device.time.Ticker;

/**
 * What recording costs {@code simulate}, measured so that a machine shared with other work does
 * not bias it: the 15-minute scenario run without and with a recording alternately in one JVM,
 * {@code pairs} times after {@code warmups} of each; for each pair the ratio of the thread's CPU
 * time (what the work itself took, whatever else the machine runs) and of the wall time, and the
 * median of each over the pairs (drift in the machine's load hits both halves of a pair alike).
 * Then what recording adds to the bytes the thread allocates: for that session and for the same
 * session cut to 5 minutes; what the two add alike is the recording's set-up (its buffer, the
 * header's JSON, the file), and the difference divided by the difference in ticks is what it adds
 * to a tick. Run with
 * {@code ./mvnw -B -ntp -q -Pbench -DskipTests -Dbench.main=org.percuss.controller.bench.RecordingCostHarness "-Dbench.args=10 40 DIR" verify}
 * (DIR: where the recordings go, the temporary directory when left out).
 */
public final class RecordingCostHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RecordingCostHarness() {
    }

    private static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;

    /** The 15-minute example's session, cut to 5 minutes: 310 s of scenario, 31,001 ticks. */
    private static final String FIVE_MINUTES = "name: five minutes at level 3\nseed: 1\nsession: {level: 3, limit: 5m}\n";

    /** One timed run: wall and CPU milliseconds, and the bytes the thread allocated. */
    private record Time(double wallMs, double cpuMs, long bytes) {
    }

    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path dir = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir")),
                "percuss-bench");
        RecordingBenchmark b = new RecordingBenchmark();
        b.setUp(dir);
        Ticker wall = Ticker.system();
        Run plain = b::simulate;
        Run recorded = () -> {
            b.newFile();
            b.simulateRecorded();
        };
        for (int i = 0; i < warmups; i++) {
            plain.run();
            recorded.run();
            b.removeFile();
        }
        double[][] t = new double[4][pairs]; // plain wall, recorded wall, plain cpu, recorded cpu
        for (int i = 0; i < pairs; i++) {
            boolean recordedFirst = i % 2 == 1; // neither half always runs first
            Time r = recordedFirst ? time(recorded, wall) : null;
            Time p = time(plain, wall);
            if (!recordedFirst) {
                r = time(recorded, wall);
            }
            b.removeFile();
            t[0][i] = p.wallMs();
            t[1][i] = r.wallMs();
            t[2][i] = p.cpuMs();
            t[3][i] = r.cpuMs();
        }
        System.out.printf(Locale.ROOT, "15-minute scenario, %d pairs after %d warm-ups, recording into %s:%n", pairs, warmups,
                dir);
        System.out.printf(Locale.ROOT, "  CPU time:  simulate median %.1f ms, simulate --record median %.1f ms; per pair %+.1f %%%n",
                median(t[2]), median(t[3]), (medianRatio(t[3], t[2]) - 1) * 100);
        System.out.printf(Locale.ROOT, "  wall time: simulate median %.1f ms, simulate --record median %.1f ms; per pair %+.1f %%%n",
                median(t[0]), median(t[1]), (medianRatio(t[1], t[0]) - 1) * 100);

        ALLOCATION.setThreadAllocatedMemoryEnabled(true);
        long ticks15 = b.simulate() / TICK_NANOS + 1;
        long added15 = addedBytes(b, plain, recorded);
        RecordingBenchmark five = new RecordingBenchmark();
        five.setUp(dir, Files.writeString(dir.resolve("five-minutes.yaml"), FIVE_MINUTES));
        long ticks5 = five.simulate() / TICK_NANOS + 1;
        long added5 = addedBytes(five, five::simulate, () -> {
            five.newFile();
            five.simulateRecorded();
        });
        System.out.printf(Locale.ROOT, "  allocated: recording adds %,d B to %,d ticks and %,d B to %,d ticks:"
                + " %,d B of set-up, %.3f B a tick%n", added15, ticks15, added5, ticks5,
                added5 - (added15 - added5) * ticks5 / (ticks15 - ticks5), (double) (added15 - added5) / (ticks15 - ticks5));
    }

    private static final long TICK_NANOS = 10_000_000L;

    /** The median, over 5 pairs after 3 warm-ups, of the bytes a recorded run allocates beyond a plain one. */
    private static long addedBytes(RecordingBenchmark b, Run plain, Run recorded) throws Exception {
        Ticker wall = Ticker.system();
        long[] added = new long[5];
        for (int i = -3; i < added.length; i++) {
            long p = time(plain, wall).bytes();
            long r = time(recorded, wall).bytes();
            b.removeFile();
            if (i >= 0) {
                added[i] = r - p;
            }
        }
        Arrays.sort(added);
        return added[added.length / 2];
    }

    private static Time time(Run run, Ticker wall) throws Exception {
        long bytes = ALLOCATION.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long w = wall.nanos();
        run.run();
        long wallNanos = wall.nanos() - w;
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        return new Time(wallNanos / 1e6, cpuNanos / 1e6, ALLOCATION.getCurrentThreadAllocatedBytes() - bytes);
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return median(r);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
