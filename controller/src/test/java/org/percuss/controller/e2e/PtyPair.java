package org.percuss.controller.e2e;

import java.nio.file.Path;
import org.percuss.device.pty.PseudoTerminal;
import org.percuss.device.serial.SerialLink;

/**
 * A pseudo-terminal pair standing in for a USB-serial cable: the host opens {@link #host()} (the
 * slave's path, with jSerialComm, as it opens {@code /dev/ttyUSB0}); the board holds the master,
 * {@link #board()}. {@link #cut()} closes the master, as pulling the cable would. Nothing to
 * install: the pair comes from {@link PseudoTerminal} (libc through JNA), not socat.
 */
final class PtyPair implements AutoCloseable {

    private final PseudoTerminal pty;

    private PtyPair(PseudoTerminal pty) {
        this.pty = pty;
    }

    static PtyPair open() {
        return new PtyPair(PseudoTerminal.open());
    }

    /** The path the host opens. */
    Path host() {
        return Path.of(pty.path());
    }

    /** The board's end of the cable. */
    SerialLink board() {
        return pty;
    }

    /** Pulls the cable: the master closes, the host's reads and writes on its path fail. */
    void cut() {
        pty.close();
    }

    @Override
    public void close() {
        pty.close();
    }
}
