package org.percuss.controller.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording survives {@code kill -9}: percuss as its own process records a session, is killed
 * the moment it reports 10 s of session, and the file it leaves replays identically up to at
 * least 9 s (it writes at least once a second of session time, and a kill leaves whole blocks).
 */
class KilledRecordingTest {

    @TempDir
    Path dir;

    @Test
    void aKilledSessionsRecordingReplaysUpToItsLastSecond() throws Exception {
        Path file = dir.resolve("killed.rec");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.percuss.controller.cli.Percuss", "run", "--level", "2", "--time-scale", "5", "--limit", "5m",
                "--record", file.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            // a watchdog, not a wait: a process that never prints the line fails the test instead of hanging it
            p.onExit().orTimeout(120, TimeUnit.SECONDS);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                    assertThat(line).as("percuss ended before reporting 10 s of session").isNotNull();
                } while (!line.startsWith("[   10.00 s]"));
                p.destroyForcibly(); // SIGKILL
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        Recording r = Recording.read(file, false);
        assertThat(r.ending().kind()).isEqualTo(Recording.Ending.Kind.CUT_OFF);
        assertThat(r.lastSeconds()).as("what the file holds of the 10 s reported").isGreaterThanOrEqualTo(9.0);
        assertThat(r.endingNote().orElseThrow()).startsWith("recording ends early at t = ");
        Replay.Result result = Replay.run(r, null);
        assertThat(result.identical()).as("%s", result.divergence()).isTrue();
        assertThat(result.ticks()).isEqualTo(r.frames().size());
    }
}
