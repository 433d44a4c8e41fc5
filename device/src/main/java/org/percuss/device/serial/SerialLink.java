package org.percuss.device.serial;

import java.io.IOException;

/**
 * A byte link to a board: a serial port, a pseudo-terminal, or an in-memory pipe. The one small
 * interface between percuss and whatever carries the bytes (jSerialComm stays behind
 * {@link JSerialCommLink}).
 */
public interface SerialLink extends ByteSink, AutoCloseable {

    /** The link's name for messages, such as {@code serial:/dev/ttyUSB0}. */
    String name();

    /**
     * Reads what has arrived, waiting a short while (milliseconds) when nothing has.
     *
     * @return the number of bytes read; 0 when none came in time; -1 when the link is gone
     *         (unplugged, closed, the other end died)
     */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Writes all {@code length} bytes, or throws when the link is gone. */
    @Override
    void write(byte[] buffer, int offset, int length) throws IOException;

    /** Closes the link; a blocked {@link #read} returns -1. Idempotent; never throws. */
    @Override
    void close();
}
