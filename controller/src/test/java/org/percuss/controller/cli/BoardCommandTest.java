package org.percuss.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.percuss.device.api.DeviceException;

/**
 * {@code percuss board}'s refusals, in process: each is one line naming the option, exit 2, and
 * nothing touched. (Serving a host is tested end to end, in BoardOnAPtyTest.)
 */
class BoardCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutPseudoTerminalsPtyIsAUsageErrorSayingSo() {
        Percuss windows = new Percuss(() -> {
            throw new DeviceException("percuss makes pseudo-terminals on Linux and macOS, not on Windows 11;"
                    + " join the board and the host with two serial ports and a null-modem cable instead");
        });
        CliRun run = CliRun.of(windows, "board", "--pty");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err().strip()).isEqualTo("percuss board: --pty: percuss makes pseudo-terminals on Linux and macOS,"
                + " not on Windows 11; join the board and the host with two serial ports and a null-modem cable instead");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void ptyLinkNeverReplacesAFileThatIsNotALink() throws Exception {
        Path file = Files.writeString(dir.resolve("percuss-board"), "keep me");
        CliRun run = CliRun.of("board", "--pty", "--pty-link", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err().strip()).isEqualTo("percuss board: --pty-link: " + file
                + " exists and is not a symbolic link; it is left alone: remove it or choose another path");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void ptyLinkNeverReplacesAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("percuss-board"));
        CliRun run = CliRun.of("board", "--pty", "--pty-link", folder.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("exists and is not a symbolic link");
        assertThat(folder).isDirectory();
    }

    @Test
    void ptyLinkInAFolderThatDoesNotExistIsAUsageError() {
        Path link = dir.resolve("no such folder").resolve("percuss-board");
        CliRun run = CliRun.of("board", "--pty", "--pty-link", link.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err().strip()).isEqualTo("percuss board: --pty-link: cannot make the link " + link
                + ": its folder does not exist");
    }

    @Test
    void ptyLinkGoesWithPty() {
        CliRun run = CliRun.of("board", "--port", dir.resolve("tty").toString(), "--pty-link", dir.resolve("l").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err().strip()).isEqualTo("percuss board: --pty-link goes with --pty");
    }

    @Test
    void theBoardNeedsAPortOrAPtyAndNotBoth() {
        CliRun neither = CliRun.of("board");
        assertThat(neither.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(neither.err()).startsWith("percuss board: Error: Missing required argument").contains("--pty").contains("--port");
        CliRun both = CliRun.of("board", "--pty", "--port", "/dev/ttyUSB0");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aPortThatIsNotThereIsADeviceErrorNamingIt() {
        CliRun run = CliRun.of("board", "--port", "/dev/ttyUSB9");
        assertThat(run.exitCode()).isEqualTo(ExitCode.DEVICE.code());
        assertThat(run.err().strip()).isEqualTo("percuss: serial:/dev/ttyUSB9: no such port (is the adapter plugged in?"
                + " `percuss ports` lists them)");
    }
}
