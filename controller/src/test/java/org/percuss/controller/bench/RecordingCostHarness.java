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
 * Run with
 * {@code ./mvnw -B -ntp -q -Pbench -DskipTests -Dbench.main=org.percuss.controller.bench.RecordingCostHarness "-Dbench.args=10 40 DIR" verify}
 * (DIR: where the recordings go, the temporary directory when left out).
 */
public final class RecordingCostHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RecordingCostHarness() {
    }

    /** One timed run: wall and CPU milliseconds. */
    private record Time(double wallMs, double cpuMs) {
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
    }

    private static Time time(Run run, Ticker wall) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long w = wall.nanos();
        run.run();
        return new Time((wall.nanos() - w) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
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
