package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code percuss run} with its live controls, as a user meets them: the web page's options and
 * messages, no listener without {@code --web}, and the keys on a real terminal (a pseudo-terminal
 * that {@code script} makes), raw mode given back at the end.
 */
@Timeout(120)
class LiveRunTest {

    @TempDir
    Path tmp;

    @Test
    void aBadWebAddressIsAUsageErrorInOneLine() {
        CliRun r = CliRun.of("run", "--web", "80x", "--time-scale", "100", "--limit", "1s");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("percuss run: --web 80x: the port must be a number 0..65535 (0 picks a free one), got '80x'");
        assertThat(r.out()).doesNotContain("session summary");
        CliRun linger = CliRun.of("run", "--web", "0", "--web-linger", "2h");
        assertThat(linger.exitCode()).isEqualTo(2);
        assertThat(linger.err()).contains("--web-linger").contains("must be 0s..1h");
    }

    @Test
    void aBusyPortIsAUsageErrorAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun r = CliRun.of("run", "--web", String.valueOf(taken.getLocalPort()), "--time-scale", "100", "--limit", "1s");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("percuss run: --web " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": ");
            assertThat(r.out()).doesNotContain("session summary");
        }
    }

    @Test
    void onLoopbackThePageIsForThisMachineAndWithNoPageFollowingTheSessionEndsAsWithout() {
        CliRun r = CliRun.of("run", "--web", "127.0.0.1:0", "--time-scale", "200", "--limit", "2s");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^web: http://127\\.0\\.0\\.1:\\d+/ \\(this machine only\\)$");
        assertThat(r.out()).contains("stopped:      session limit of 0:02 reached");
        assertThat(r.out()).doesNotContain("stay at"); // no page followed: nothing to linger for
    }

    @Test
    void aPageThatFollowedKeepsTheSummaryUntilItsFinish() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "org.percuss.controller.cli.Percuss",
                "run", "--web", "127.0.0.1:0", "--time-scale", "1", "--limit", "3s"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            Screen screen = new Screen(p.getInputStream());
            Matcher url = Pattern.compile("web: (http://127\\.0\\.0\\.1:\\d+/)").matcher(screen.waitFor("(this machine only)"));
            assertThat(url.find()).isTrue();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<java.util.stream.Stream<String>> events = http.send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(url.group(1) + "api/events")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofLines());
            assertThat(events.body().filter(l -> l.startsWith("data: ")).findFirst()).isPresent(); // a page follows
            assertThat(screen.waitFor("for 5m (Ctrl-C ends it now)")).contains("stopped:      session limit of 0:03 reached");
            assertThat(p.isAlive()).isTrue();
            // The event stream's connection ends with the session: a new client, as a page reloading
            // would, rather than one that may pick that closed connection from its pool.
            events.body().close();
            http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> summary = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url.group(1) + "api/summary")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(summary.body()).contains("\"exitCode\":0");
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1) + "api/finish"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void elsewhereTheTokenIsMadeOnFirstUseShownOnceAndKeptPrivate() throws Exception {
        Map<String, String> env = Map.of("HOME", tmp.toString());
        String[] args = {"run", "--web", "0.0.0.0:0", "--web-linger", "0s", "--time-scale", "200", "--limit", "1s"};
        PercussProcess.Ended first = new PercussProcess().environment(env).run(tmp, args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path file = tmp.resolve(".local/state/percuss/web-token");
        String token = Files.readString(file).strip();
        assertThat(first.out()).containsPattern("(?m)^web: http://[^ ]+:\\d+/#token=" + Pattern.quote(token) + "$");
        assertThat(first.out()).contains("that address holds a new token, shown this once; it is kept in " + file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        PercussProcess.Ended second = new PercussProcess().environment(env).run(tmp, args);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain(token).contains("(add #token=... from " + file + ")");
    }

    @Test
    void withoutWebTheProcessListensOnNoPortAndWithItOnOne() throws Exception {
        assertThat(listeningSocketsOf("run", "--time-scale", "1", "--limit", "30s")).isZero();
        assertThat(listeningSocketsOf("run", "--web", "127.0.0.1:0", "--web-linger", "0s", "--time-scale", "1",
                "--limit", "30s")).isEqualTo(1);
    }

    /** Starts {@code percuss args}, waits for its first status line, counts its listening TCP sockets, ends it. */
    private int listeningSocketsOf(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "org.percuss.controller.cli.Percuss"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            waitFor(p.getInputStream(), new StringBuilder(), "warm-up");
            Set<String> listening = new HashSet<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f[3].equals("0A")) { // LISTEN
                        listening.add("socket:[" + f[9] + "]");
                    }
                }
            }
            int mine = 0;
            try (var fds = Files.list(Path.of("/proc", String.valueOf(p.pid()), "fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        if (listening.contains(Files.readSymbolicLink(fd).toString())) {
                            mine++;
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            }
            return mine;
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void onATerminalTheKeysDriveTheSessionThroughEveryRuleAndRawModeIsGivenBack() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String percuss = java + " --enable-native-access=ALL-UNNAMED -cp " + System.getProperty("java.class.path")
                + " org.percuss.controller.cli.Percuss run --level 2 --time-scale 10";
        // script gives the command a pseudo-terminal; stty -a after it shows the terminal's settings
        Process p = new ProcessBuilder("script", "-qfec", "stty cols 120; " + percuss + "; echo EXIT=$?; stty -a",
                "/dev/null").redirectErrorStream(true).start();
        Screen screen = new Screen(p.getInputStream());
        OutputStream keys = p.getOutputStream();
        try {
            screen.waitFor("keys: + - level");
            screen.waitFor("running ");
            type(keys, "++");
            screen.waitFor("level 4 (2700 ppm): ramping up");
            screen.waitFor("target 2700");
            type(keys, "e");
            screen.waitFor("emergency stop: requested by the user");
            screen.waitFor("measured    0 ppm"); // the motor has run down
            type(keys, "c");
            screen.waitFor("idle: faults cleared");
            type(keys, " ");
            // The terminal says "faults cleared" from within the tick and the keys see the new state
            // after it, so a key typed at once may still meet the clear: either answer starts at the
            // lowest level (the second once the clear is through, which it already is).
            screen.waitForEither("starting at the lowest level, 1200 ppm, with a 10 s warm-up",
                    "start asked: it begins at the lowest level once the clear is through");
            screen.waitFor("warm-up ");
            type(keys, "q");
            screen.waitFor("stopped:      interrupted");
            screen.waitFor("EXIT=0");
            String stty = screen.waitFor("extproc");
            assertThat(stty).containsPattern("(?<!-)icanon").containsPattern("(?<!-)isig")
                    .containsPattern("(?<![-a-z])echo ").containsPattern("(?<!-)icrnl").containsPattern("(?<!-)ixon");
        } finally {
            keys.close();
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void type(OutputStream keys, String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.US_ASCII));
        keys.flush();
    }

    private static void waitFor(InputStream in, StringBuilder seen, String text) throws IOException {
        Screen s = new Screen(in, seen);
        s.waitFor(text);
    }

    /** What a process wrote, read as it comes; each wait looks only after what the previous one matched. */
    private static final class Screen {
        private final InputStream in;
        private final StringBuilder seen;
        private int from;

        Screen(InputStream in) {
            this(in, new StringBuilder());
        }

        Screen(InputStream in, StringBuilder seen) {
            this.in = in;
            this.seen = seen;
        }

        /** Reads until {@code one} or {@code other} appears, whichever comes first; returns what came, with it. */
        String waitForEither(String one, String other) throws IOException {
            byte[] buffer = new byte[4096];
            while (true) {
                int a = seen.indexOf(one, from);
                int b = seen.indexOf(other, from);
                if (a >= 0 || b >= 0) {
                    String text = a >= 0 && (b < 0 || a < b) ? one : other;
                    return waitFor(text);
                }
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("ended before '" + one + "' or '" + other + "' was seen; the output was:\n" + seen);
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        }

        /** Reads until {@code text} appears; returns what came since the previous match, up to and with it. */
        String waitFor(String text) throws IOException {
            byte[] buffer = new byte[4096];
            int at;
            while ((at = seen.indexOf(text, from)) < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("ended before '" + text + "' was seen; the output was:\n" + seen);
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            String since = seen.substring(from, at + text.length());
            from = at + text.length();
            return since;
        }
    }
}
