package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of output path against every option that writes one (issue 10, items 4, 10, 11):
 * anything but a new path in an existing directory or an existing regular file is refused before
 * anything starts, exit 2, with one line naming the option, the path and what is there; and what
 * is there is left exactly as it was. Read-only files and directories as a user that is not root
 * are {@code UnprivilegedTest}.
 */
class OutputPathsTest {

    @TempDir
    Path dir;

    /** What to put at a path, and what the refusal says it is. */
    enum Kind {
        DIRECTORY("is a directory"),
        FIFO("is a FIFO (named pipe)"),
        DEV_NULL("is a character device"),
        DEV_FULL("is a character device"),
        LINK_TO_FILE("is a symbolic link (to "),
        DANGLING_LINK("is a dangling symbolic link"),
        LINK_LOOP("is a symbolic link loop"),
        READ_ONLY_FILE("is read-only (r--r--r--)"),
        MISSING_DIRECTORY("does not exist"),
        FILE_AS_DIRECTORY("not a directory"),
        EMPTY("an empty path");

        final String says;

        Kind(String says) {
            this.says = says;
        }
    }

    private Path make(Kind kind) throws IOException, InterruptedException {
        Path p = dir.resolve("out-" + kind.name().toLowerCase());
        switch (kind) {
            case DIRECTORY -> Files.createDirectory(p);
            case FIFO -> assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
            case DEV_NULL -> p = Path.of("/dev/null");
            case DEV_FULL -> p = Path.of("/dev/full");
            case LINK_TO_FILE -> Files.createSymbolicLink(p, Files.writeString(dir.resolve("target.txt"), "keep me"));
            case DANGLING_LINK -> Files.createSymbolicLink(p, dir.resolve("nowhere"));
            case LINK_LOOP -> Files.createSymbolicLink(p, p);
            case READ_ONLY_FILE -> {
                Files.writeString(p, "keep me");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
            }
            case MISSING_DIRECTORY -> p = dir.resolve("no-such-dir/out");
            case FILE_AS_DIRECTORY -> p = Files.writeString(dir.resolve("a-file"), "keep me").resolve("out");
            case EMPTY -> p = Path.of("");
        }
        return p;
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (String command : List.of("run --trace", "run --ledger", "simulate --trace", "simulate --plot")) {
                if (command.equals("run --ledger") && (k == Kind.MISSING_DIRECTORY)) {
                    continue; // the ledger's directories are created (0700): it has a test of its own
                }
                all.add(Arguments.of(command, k));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void anythingButANewPathOrARegularFileIsRefusedAndLeftAlone(String command, Kind kind) throws Exception {
        Path p = make(kind);
        Snapshot before = Snapshot.of(p);
        String option = command.split(" ")[1];
        List<String> args = new ArrayList<>();
        if (command.startsWith("run")) {
            args.addAll(List.of("run", "--time-scale", "1000", "--limit", "1s", option, p.toString()));
            if (option.equals("--ledger")) {
                args.addAll(List.of("--zone", "arms"));
            }
        } else {
            Path scenario = Files.writeString(dir.resolve("s.yaml"), HostileInputProperties.SHORT);
            args.addAll(List.of("simulate", scenario.toString(), option, p.toString()));
        }
        CliRun run = Contract.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("percuss " + command.split(" ")[0] + ": " + option)
                .contains(p.toString()).contains(kind.says);
        assertThat(run.out()).doesNotContain("session summary").doesNotContain("PASS").doesNotContain("FAIL");
        assertThat(Snapshot.of(p)).as("what is at the path is left as it was").isEqualTo(before);
    }

    @Test
    void theSameOutputTwiceOrAnInputAsAnOutputIsRefused() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), HostileInputProperties.SHORT);
        Path out = dir.resolve("o.csv");
        CliRun same = Contract.run("simulate", scenario.toString(), "--trace", out.toString(), "--plot", out.toString());
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err().strip()).endsWith(": is the same file as --trace; give another path");
        CliRun over = Contract.run("simulate", scenario.toString(), "--trace", scenario.toString());
        assertThat(over.exitCode()).isEqualTo(2);
        assertThat(over.err()).contains("is the same file as a scenario file");
        assertThat(Files.readString(scenario)).isEqualTo(HostileInputProperties.SHORT);
    }

    @Test
    void anExistingRegularFileIsReplacedWholeAndKeepsItsPermissions() throws IOException {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), HostileInputProperties.SHORT);
        Path plot = Files.writeString(dir.resolve("p.png"), "old");
        Files.setPosixFilePermissions(plot, PosixFilePermissions.fromString("rw-rw----"));
        Path trace = Files.writeString(dir.resolve("t.csv"), "old");
        CliRun run = Contract.run("simulate", scenario.toString(), "--trace", trace.toString(), "--plot", plot.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllBytes(plot)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plot))).isEqualTo("rw-rw----");
        assertThat(Files.readString(trace)).startsWith(TraceWriter.HEADER);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrder("s.yaml", "p.png", "t.csv");
        }
    }

    @Test
    void scenariosWithOneNameInTwoFoldersGetTracesOfTheirOwn() throws IOException {
        Path a = Files.writeString(Files.createDirectory(dir.resolve("a")).resolve("x.yaml"), HostileInputProperties.SHORT);
        Path b = Files.writeString(Files.createDirectory(dir.resolve("b")).resolve("x.yaml"),
                HostileInputProperties.SHORT.replace("level: 2", "level: 3"));
        CliRun run = Contract.run("simulate", a.toString(), b.toString(), a.toString(), "--trace", dir.resolve("t.csv").toString());
        assertThat(run.exitCode()).isIn(0, 1);
        assertThat(dir.resolve("t-a-x.csv")).exists();
        assertThat(dir.resolve("t-b-x.csv")).exists();
        assertThat(dir.resolve("t-a-x-2.csv")).exists();
        assertThat(Files.readString(dir.resolve("t-a-x.csv"))).isNotEqualTo(Files.readString(dir.resolve("t-b-x.csv")));
    }

    /** What is at a path: its kind, its content or link target, its permissions, its inode. */
    record Snapshot(String kind, String content, String permissions, Object inode) {
        static Snapshot of(Path p) throws IOException {
            if (p.toString().isEmpty()) {
                return new Snapshot("empty", "", "", null);
            }
            if (Files.isSymbolicLink(p)) {
                return new Snapshot("link", Files.readSymbolicLink(p).toString(), "", key(p));
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return new Snapshot("none", "", "", null);
            }
            String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
            String content = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readString(p) : "";
            String kind = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "directory"
                    : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file" : "other";
            return new Snapshot(kind, content, perms, key(p));
        }

        private static Object key(Path p) throws IOException {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
        }
    }
}
