package org.percuss.device.serial;

import java.io.IOException;

/**
 * Where a protocol endpoint's frames go: a serial port, a pseudo-terminal, or a simulated wire on
 * a virtual clock. Writing must not call back into the endpoint that writes.
 */
@FunctionalInterface
public interface ByteSink {

    /** Writes all {@code length} bytes, or throws when the link is gone. */
    void write(byte[] buffer, int offset, int length) throws IOException;
}
