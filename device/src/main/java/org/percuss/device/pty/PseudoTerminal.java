package org.percuss.device.pty;

import org.percuss.device.api.DeviceException;
import org.percuss.device.serial.SerialLink;

/**
 * The master end of a pseudo-terminal pair, as a {@link SerialLink}: what is written here arrives
 * at whoever opened {@link #path()} (the slave end, such as {@code /dev/pts/7}), and what they
 * write is read here. A host opens the path with the same serial library and settings it uses for
 * a USB-serial adapter. The line stays up while hosts come and go: a host that exits or is killed
 * leaves the pair usable for the next one, and bytes written while no one listens are lost, as on
 * a UART. Closing it is pulling the cable: the host's reads and writes on the path fail.
 */
public interface PseudoTerminal extends SerialLink {

    /** The path a host opens: the slave end, such as {@code /dev/pts/7}. */
    String path();

    /**
     * Opens a new pair in raw mode (no echo, no line editing, 8-bit clean).
     *
     * @throws DeviceException when this system has no pseudo-terminals (Windows) or cannot make
     *         one, saying why
     */
    static PseudoTerminal open() {
        return PosixPseudoTerminal.open();
    }
}
