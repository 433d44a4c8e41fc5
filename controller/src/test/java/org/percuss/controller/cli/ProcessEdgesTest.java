package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.controller.session.UsageLedger;
import org.percuss.device.pty.PseudoTerminal;

/**
 * What only a real process shows (issue 10, items 6, 8, 9, 10 and $HOME): permissions as a user
 * who is not root, a file that cannot grow mid-session, two sessions on one zone at once, the
 * umask, the home directory. Each runs {@code percuss} as its own process ({@link PercussProcess}).
 */
class ProcessEdgesTest {

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void aDirectoryEveryoneMayUse() throws IOException {
        dir = PercussProcess.world(Files.createDirectory(tmp.resolve("w")));
        PercussProcess.world(tmp);
    }

    private static final Map<String, String> NO_HOME = Map.of();

    @Test
    void asAUserWhoIsNotRootUnwritableOutputsAreRefusedBeforeAnythingStarts() throws Exception {
        Path readOnlyDir = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnlyDir, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path othersFile = Files.writeString(dir.resolve("theirs.csv"), "keep me");
        Files.setPosixFilePermissions(othersFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path othersLedger = Files.writeString(dir.resolve("theirs.jsonl"), "");
        Files.setPosixFilePermissions(othersLedger, PosixFilePermissions.fromString("rw-------"));
        Path scenario = PercussProcess.world(Files.writeString(dir.resolve("s.yaml"), HostileInputProperties.SHORT));
        PercussProcess nobody = new PercussProcess().asNobody().environment(Map.of("HOME", dir.toString()));

        PercussProcess.Ended trace = nobody.run(dir, "run", "--time-scale", "1000", "--limit", "1s", "--trace",
                readOnlyDir.resolve("t.csv").toString());
        assertThat(trace.exitCode()).as(trace.err()).isEqualTo(2);
        assertThat(trace.err().strip()).isEqualTo("percuss run: --trace " + readOnlyDir.resolve("t.csv")
                + ": cannot create a file in " + readOnlyDir + ": permission denied");
        assertThat(trace.out()).doesNotContain("session summary");

        PercussProcess.Ended plot = nobody.run(dir, "simulate", scenario.toString(), "--plot", readOnlyDir.resolve("p.png").toString());
        assertThat(plot.exitCode()).as(plot.err()).isEqualTo(2);
        assertThat(plot.err().strip()).startsWith("percuss simulate: --plot " + readOnlyDir.resolve("p.png"));
        assertThat(plot.out()).as("nothing simulated").isEmpty();

        PercussProcess.Ended theirs = nobody.run(dir, "run", "--time-scale", "1000", "--limit", "1s", "--trace", othersFile.toString());
        assertThat(theirs.exitCode()).as(theirs.err()).isEqualTo(2);
        assertThat(theirs.err().strip()).isEqualTo("percuss run: --trace " + othersFile + ": cannot write it: permission denied");
        assertThat(Files.readString(othersFile)).isEqualTo("keep me");

        PercussProcess.Ended ledger = nobody.run(dir, "run", "--zone", "arms", "--ledger", othersLedger.toString(),
                "--time-scale", "1000", "--limit", "1s");
        assertThat(ledger.exitCode()).as(ledger.err()).isEqualTo(2);
        assertThat(ledger.err().strip()).isEqualTo("percuss run: --ledger " + othersLedger
                + ": cannot open it for reading and writing: permission denied");
        PercussProcess.Ended usage = nobody.run(dir, "usage", "--ledger", othersLedger.toString());
        assertThat(usage.exitCode()).as(usage.err()).isEqualTo(2);
        assertThat(usage.err().strip()).isEqualTo("percuss usage: --ledger " + othersLedger + ": cannot read it: permission denied");

        PercussProcess.Ended newLedger = nobody.run(dir, "run", "--zone", "arms", "--ledger",
                readOnlyDir.resolve("sub/u.jsonl").toString(), "--time-scale", "1000", "--limit", "1s");
        assertThat(newLedger.exitCode()).as(newLedger.err()).isEqualTo(2);
        assertThat(newLedger.err()).contains("cannot create the directory " + readOnlyDir.resolve("sub"));

        PercussProcess.Ended noHome = new PercussProcess().asNobody().environment(NO_HOME).run(dir, "run", "--zone", "arms",
                "--time-scale", "1000", "--limit", "1s");
        if (PercussProcess.isRoot()) {
            // nobody's home in the account database is /nonexistent
            assertThat(noHome.exitCode()).as(noHome.err()).isEqualTo(2);
            assertThat(noHome.err().strip()).isEqualTo("percuss run: --ledger: the home directory /nonexistent does not"
                    + " exist; set HOME or XDG_STATE_HOME, or give --ledger FILE");
        }
    }

    @Test
    void waitingForTheStartButtonTheMotorNeverTurnsAndSigtermEndsItAsAnInterruption() throws Exception {
        // what the percuss service runs: the session waits for the power button; systemd's stop is a SIGTERM
        Path trace = dir.resolve("idle.csv");
        PercussProcess.Ended run = new PercussProcess().under("timeout", "--preserve-status", "-s", "TERM", "8")
                .run(dir, "run", "--wait-for-start", "--limit", "1s", "--trace", trace.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("stopped:      interrupted");
        List<String> rows = Files.readAllLines(trace);
        assertThat(rows.size()).as("ticks while it waited").isGreaterThan(100);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.split(",")[4]).as(r).isEqualTo("0"));
    }

    @Test
    void aTraceThatCannotGrowMidSessionStopsTheMotorPrintsTheSummaryAndExitsThree() throws Exception {
        Path trace = dir.resolve("t.csv");
        Path ledger = dir.resolve("u.jsonl");
        PercussProcess.Ended run = new PercussProcess().under("prlimit", "--fsize=100000")
                .run(dir, "run", "--zone", "arms", "--ledger", ledger.toString(), "--trace", trace.toString(),
                        "--limit", "30s", "--time-scale", "100");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("session summary").contains("stopped:      output error")
                .contains("output:       --trace " + trace + ": cannot write it: File too large");
        assertThat(run.err().strip().lines().toList().getLast())
                .isEqualTo("percuss run: --trace " + trace + ": cannot write it: File too large");
        // the running time spent is in the ledger, which could still be written
        assertThat(ledgerMillis(ledger)).isGreaterThanOrEqualTo(runningMillis(run.out()));
    }

    @Test
    void aLedgerThatCannotGrowMidSessionEndsItWithExitThreeAndTheSummary() throws Exception {
        Path ledger = dir.resolve("u.jsonl");
        Files.writeString(ledger, "x".repeat(3000) + "\n");
        PercussProcess.Ended run = new PercussProcess().under("prlimit", "--fsize=3500")
                .run(dir, "run", "--zone", "arms", "--ledger", ledger.toString(), "--limit", "30s", "--time-scale", "100");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains("session summary").contains("stopped:      output error");
        assertThat(run.err()).contains("percuss run: --ledger " + ledger + ": cannot write it: File too large");
        assertThat(runningMillis(run.out())).isLessThan(30_000).isLessThanOrEqualTo(ledgerMillis(ledger) + 10);
    }

    @Test
    void twoSessionsOnOneZoneAtOnceShareItsFifteenMinutes() throws Exception {
        Path ledger = dir.resolve("u.jsonl");
        String[] args = {"run", "--zone", "calves", "--ledger", ledger.toString(), "--limit", "10m", "--time-scale", "200"};
        PercussProcess.Started a = new PercussProcess().start(dir, args);
        PercussProcess.Started b = new PercussProcess().start(dir, args);
        PercussProcess.Ended ea = a.waitFor(Duration.ofSeconds(90));
        PercussProcess.Ended eb = b.waitFor(Duration.ofSeconds(90));
        assertThat(ea.exitCode()).as(ea.err()).isZero();
        assertThat(eb.exitCode()).as(eb.err()).isZero();
        long together = runningMillis(ea.out()) + runningMillis(eb.out());
        assertThat(together).as("running time of both").isLessThanOrEqualTo(15 * 60_000L).isGreaterThan(14 * 60_000L);
        assertThat(ea.out() + eb.out()).contains("zone budget used up");
        assertThat(ledgerMillis(ledger)).isEqualTo(15 * 60_000L);
    }

    @Test
    void aLedgerLockAnotherProcessHoldsStopsTheSessionNotItsLoop() throws Exception {
        // a process stopped while it held the ledger's lock (Ctrl-Z at the wrong millisecond): here
        // this test's JVM holds it once the session has claimed its first second
        Path ledger = dir.resolve("u.jsonl");
        PercussProcess.Started run = new PercussProcess().start(dir, "run", "--zone", "calves", "--ledger", ledger.toString(),
                "--limit", "1m", "--time-scale", "1");
        awaitFirstClaim(ledger, Duration.ofSeconds(30));
        PercussProcess.Ended ended;
        try (UsageLedger theirs = UsageLedger.open(ledger, w -> { }); UsageLedger.Lock held = theirs.lock()) {
            ended = run.waitFor(Duration.ofSeconds(30)); // before, its loop waited for the lock for good
        }
        assertThat(ended.exitCode()).as(ended.out() + ended.err()).isEqualTo(3);
        assertThat(ended.out()).contains("stopped:      output error");
        assertThat(ended.err().strip().lines().toList().getLast()).isEqualTo("percuss run: --ledger " + ledger
                + ": cannot lock it: another process has held its lock for 0.1 s (one stopped while it held it?)");
        assertThat(runningMillis(ended.out())).as("it ran no longer than it had claimed").isLessThanOrEqualTo(ledgerMillis(ledger));
        assertThat(ledgerMillis(ledger)).isEqualTo(1000);
    }

    /** Waits, on the file system's notices, until the session has written its first claim to {@code ledger}. */
    private static void awaitFirstClaim(Path ledger, Duration timeout) throws IOException, InterruptedException {
        try (WatchService watch = ledger.getFileSystem().newWatchService()) {
            ledger.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(ledger) || Files.size(ledger) == 0) {
                WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(key).as("the session claimed its first second within " + timeout).isNotNull();
                key.pollEvents();
                key.reset();
            }
        }
    }

    @Test
    void aNewLedgerAndItsDirectoriesArePrivateWhateverTheUmask() throws Exception {
        Path ledger = dir.resolve("state/percuss/usage.jsonl");
        PercussProcess.Ended run = new PercussProcess().under("sh", "-c", "umask 000; exec \"$@\"", "sh")
                .run(dir, "run", "--zone", "arms", "--ledger", ledger.toString(), "--limit", "1s", "--time-scale", "1000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state")))).isEqualTo("rwx------");
    }

    @Test
    void aTerminalNobodyReadsDoesNotStopTheControlLoop() throws Exception {
        try (PseudoTerminal terminal = PseudoTerminal.open()) {
            Path tty = Path.of(terminal.path());
            // nobody reads the terminal (a stalled SSH session, Ctrl-S): its buffer is full before percuss
            // starts, so its first status line would block; dd stops at the first write that would wait
            ProcessBuilder dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + tty, "bs=512", "count=1000", "oflag=nonblock")
                    .redirectErrorStream(true);
            dd.environment().put("LC_ALL", "C"); // its message, in English whatever the machine's language
            Process fill = dd.start();
            assertThat(new String(fill.getInputStream().readAllBytes())).contains("Resource temporarily unavailable");
            fill.waitFor();
            Path trace = dir.resolve("t.csv");
            new PercussProcess().startOnTerminal(dir, tty, "run", "--level", "3", "--time-scale", "100", "--limit", "1m",
                    "--trace", trace.toString()).waitFor(Duration.ofSeconds(60));
            // the loop ticked to the session's end: 6,000 ticks, then FINISHED, and the process exited
            List<String> lines = Files.readAllLines(trace);
            assertThat(lines.getLast()).startsWith("60.000,FINISHED,");
        }
    }

    @Test
    void homeIsWhereHomeSays() throws Exception {
        Path home = PercussProcess.world(Files.createDirectory(dir.resolve("home")));
        PercussProcess.Ended run = new PercussProcess().environment(Map.of("HOME", home.toString()))
                .run(dir, "run", "--zone", "arms", "--limit", "1s", "--time-scale", "1000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(home.resolve(".local/state/percuss/usage.jsonl")).exists();
        Path config = Files.createDirectories(home.resolve(".config/percuss/percuss.yaml"));
        PercussProcess.Ended directory = new PercussProcess().environment(Map.of("HOME", home.toString()))
                .run(dir, "run", "--limit", "1s", "--time-scale", "1000");
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).contains("config: " + config).contains(config + ": is a directory, not a file");
    }

    private static long ledgerMillis(Path ledger) throws IOException {
        Matcher m = Pattern.compile("\"running_ms\":(\\d+)").matcher(Files.readString(ledger));
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private static long runningMillis(String summary) {
        Matcher m = Pattern.compile("running time: (\\d+):(\\d+)\\.(\\d\\d)").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return Long.parseLong(m.group(1)) * 60_000 + Long.parseLong(m.group(2)) * 1000 + Long.parseLong(m.group(3)) * 10;
    }
}
