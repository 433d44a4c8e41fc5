package org.percuss.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.percuss.device.api.DeviceException;

/**
 * A {@link SerialLink} over jSerialComm: the only class that imports it. 8N1, no flow control.
 * On a pseudo-terminal {@code openPort()} succeeds while the last error code reads ENOTTY; that is
 * not a failure. A vanished port (unplugged adapter, killed socat) makes reads return -1, which
 * the link reports as gone.
 *
 * <p>Reads are non-blocking, and when nothing has arrived the link itself waits half a
 * millisecond: jSerialComm's semi-blocking read timeout becomes termios VTIME on Linux, counted in
 * whole deciseconds, so a "1 ms" read waits 100 ms on an idle line (measured on a socat pty). A
 * board that must report its watchdog stop on time cannot wait that long.
 */
public final class JSerialCommLink implements SerialLink {

    /** How long a read that found nothing waits before it looks again. */
    private static final long IDLE_WAIT_NANOS = 500_000L;
    private static final int WRITE_TIMEOUT_MILLIS = 200;

    private final SerialPort port;
    private final String name;
    private volatile boolean closed;

    private JSerialCommLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /**
     * Opens {@code path} at {@code baud}, 8N1, no flow control.
     *
     * @throws DeviceException when the port does not exist or cannot be opened, naming it
     */
    public static JSerialCommLink open(String path, int baud) {
        String name = "serial:" + path;
        if (!Files.exists(Path.of(path))) {
            throw new DeviceException(name + ": no such port (is the adapter plugged in? `percuss ports` lists them)");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new DeviceException(name + ": cannot use this port: " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                0, WRITE_TIMEOUT_MILLIS);
        if (!port.openPort()) {
            throw new DeviceException(name + ": cannot open the port (error " + port.getLastErrorCode()
                    + "; is it in use, or do you lack permission? On Linux, join the dialout group)");
        }
        port.flushIOBuffers();
        return new JSerialCommLink(port, name);
    }

    /** The serial ports this machine has, with a description each; empty when there are none. */
    public static List<PortInfo> listPorts() {
        List<PortInfo> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new PortInfo(p.getSystemPortPath(), p.getDescriptivePortName()));
        }
        return ports;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            return -1;
        }
        int n = port.readBytes(buffer, length, offset);
        if (n == 0) {
            LockSupport.parkNanos(IDLE_WAIT_NANOS);
            n = port.readBytes(buffer, length, offset);
        }
        return n < 0 ? -1 : n;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException(name + " is closed");
        }
        int written = port.writeBytes(buffer, length, offset);
        if (written != length) {
            throw new IOException(name + ": wrote " + Math.max(0, written) + " of " + length + " bytes (error "
                    + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.closePort();
        }
    }
}
