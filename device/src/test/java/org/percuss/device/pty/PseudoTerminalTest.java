package org.percuss.device.pty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.percuss.device.api.DeviceException;
import org.percuss.device.serial.JSerialCommLink;
import org.percuss.device.serial.SerialLink;

/**
 * A pseudo-terminal pair is a serial cable: jSerialComm opens its path as it opens a USB adapter,
 * bytes cross both ways unchanged, hosts come and go, and closing the master cuts the line.
 */
class PseudoTerminalTest {

    private PseudoTerminal pty;

    @BeforeEach
    void open() {
        pty = PseudoTerminal.open();
    }

    @AfterEach
    void close() {
        pty.close();
    }

    /** Reads from {@code link} until {@code count} bytes came or two seconds passed. */
    private static byte[] readBytes(SerialLink link, int count) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (got.size() < count && System.nanoTime() < deadline) {
            int n = link.read(buffer, 0, buffer.length);
            if (n < 0) {
                break;
            }
            got.write(buffer, 0, n);
        }
        return got.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(JSerialCommLink.Reading.class)
    void theSlaveIsADevicePathThatJSerialCommOpens(JSerialCommLink.Reading reading) throws IOException {
        assertThat(Path.of(pty.path())).exists();
        assertThat(pty.name()).isEqualTo("pty:" + pty.path());
        try (JSerialCommLink host = JSerialCommLink.open(pty.path(), 115200, reading)) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            pty.write(all, 0, all.length); // raw: every byte value crosses unchanged, no echo, no CR/LF games
            assertThat(readBytes(host, 256)).isEqualTo(all);
            host.write(all, 0, all.length);
            assertThat(readBytes(pty, 256)).isEqualTo(all);
        }
    }

    @Test
    void aReadWithNothingToReadReturnsZeroAtOnce() throws IOException {
        assertThat(pty.read(new byte[16], 0, 16)).isZero();
    }

    @Test
    void theLineStaysUpWhileHostsComeAndGo() throws IOException {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        pty.write(hello, 0, hello.length); // before any host: lost, or flushed by the host's open
        try (JSerialCommLink first = JSerialCommLink.open(pty.path(), 115200)) {
            first.write(hello, 0, hello.length);
            assertThat(readBytes(pty, 5)).isEqualTo(hello);
        }
        assertThat(pty.read(new byte[16], 0, 16)).as("no end-of-line when the host leaves").isZero();
        try (JSerialCommLink second = JSerialCommLink.open(pty.path(), 115200)) {
            pty.write(hello, 0, hello.length);
            assertThat(readBytes(second, 5)).isEqualTo(hello);
        }
    }

    @Test
    void writingWithNoOneListeningNeitherBlocksNorFails() throws IOException {
        byte[] chunk = new byte[1024];
        long start = System.nanoTime();
        for (int i = 0; i < 64; i++) { // far more than a pty buffers
            pty.write(chunk, 0, chunk.length);
        }
        assertThat((System.nanoTime() - start) / 1e9).as("64 writes into a full line, seconds").isLessThan(5.0);
    }

    @Test
    void aReadWaitingForDataInTheKernelReturnsWithTheByteThatWokeIt() throws Exception {
        try (JSerialCommLink host = JSerialCommLink.open(pty.path(), 115200, JSerialCommLink.Reading.UNTIL_DATA)) {
            byte[] buffer = new byte[16];
            int[] n = {0};
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    do {
                        n[0] = host.read(buffer, 0, buffer.length); // 0 after an idle 100 ms: wait again
                    } while (n[0] == 0);
                } catch (IOException e) {
                    n[0] = -2;
                }
            });
            pty.write(new byte[] {42}, 0, 1);
            reader.join(5_000);
            assertThat(reader.isAlive()).isFalse();
            assertThat(n[0]).isEqualTo(1);
            assertThat(buffer[0]).isEqualTo((byte) 42);
        }
    }

    @ParameterizedTest
    @EnumSource(JSerialCommLink.Reading.class)
    void closingTheMasterCutsTheLine(JSerialCommLink.Reading reading) throws IOException {
        try (JSerialCommLink host = JSerialCommLink.open(pty.path(), 115200, reading)) {
            pty.close();
            assertThat(pty.read(new byte[4], 0, 4)).isEqualTo(-1);
            assertThatThrownBy(() -> pty.write(new byte[1], 0, 1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
            byte[] one = {1};
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    host.write(one, 0, 1);
                }
            }).isInstanceOf(IOException.class).hasMessageContaining(pty.path());
            assertThat(readBytes(host, 1)).isEmpty();
        }
    }

    @Test
    void aSystemWithoutPosixPseudoTerminalsIsToldSo() {
        assertThatThrownBy(() -> PosixPseudoTerminal.open(com.sun.jna.Platform.WINDOWS, "Windows 11"))
                .isInstanceOf(DeviceException.class)
                .hasMessage("percuss makes pseudo-terminals on Linux and macOS, not on Windows 11; join the board and"
                        + " the host with two serial ports and a null-modem cable instead");
    }

    @Test
    void closingTwiceIsHarmless() {
        pty.close();
        pty.close();
        assertThat(Files.exists(Path.of(pty.path()))).as("the slave goes with the pair").isFalse();
    }
}
