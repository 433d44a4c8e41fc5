package org.percuss.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.percuss.device.api.DeviceException;
import org.percuss.device.os.HangupSignal;

/**
 * A {@link SerialLink} over jSerialComm: the only class that imports it. 8N1, no flow control.
 * On a pseudo-terminal {@code openPort()} succeeds while the last error code reads ENOTTY; that is
 * not a failure.
 *
 * <p>jSerialComm reports trouble in several ways, and each becomes the link's own: {@code openPort()}
 * returning false is a {@link DeviceException} naming the port; a vanished port (unplugged
 * adapter, the far end of a pseudo-terminal closed) shows up as a
 * {@code LISTENING_EVENT_PORT_DISCONNECTED} event, after which reads return -1 and writes throw, or
 * as a read of -1, after which reads return -1 (writes are still tried: a port that can no longer
 * be read may still carry a last STOP); a short write, or a write or read that throws, is an
 * {@link IOException} naming the port. The port is closed by {@link #close()}, which the owner of the link calls when it sees
 * the link gone.
 *
 * <p>How a read waits is the opener's choice, a {@link Reading}: a thread that only reads (the
 * host's reader) waits in the kernel until a byte arrives; a thread with other work to do on a
 * millisecond's notice (the emulated board's) polls.
 */
public final class JSerialCommLink implements SerialLink {

    /**
     * How a read waits for data. jSerialComm's semi-blocking read timeout becomes termios VTIME on
     * Linux, counted in whole deciseconds: a read returns the moment a byte arrives, but on an idle
     * line a "1 ms" read waits 100 ms (measured on a socat pty).
     */
    public enum Reading {
        /**
         * In the kernel, until a byte arrives or 100 ms have passed: woken by the data itself, for a
         * thread that does nothing but read (the host's reader: the e-stop's report is acted on
         * within microseconds of arriving, not after the next poll).
         */
        UNTIL_DATA(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100),
        /**
         * Non-blocking, and when nothing has arrived the link waits half a millisecond itself: for a
         * thread that must also keep time (a board that must report its watchdog stop on time
         * cannot wait 100 ms in a read).
         */
        POLL(SerialPort.TIMEOUT_NONBLOCKING, 0);

        private final int mode;
        private final int timeoutMillis;

        Reading(int mode, int timeoutMillis) {
            this.mode = mode;
            this.timeoutMillis = timeoutMillis;
        }
    }

    /**
     * How long a read that found nothing waits before it looks again (polling), or before the
     * next read (waiting for data: a read that returns nothing at once, as on a hung-up line, must
     * not become a busy loop).
     */
    private static final long IDLE_WAIT_NANOS = 500_000L;
    private static final int WRITE_TIMEOUT_MILLIS = 200;

    /** Ports of this process whose close is under way, by name (see {@link #close()}). */
    private static final Map<String, Thread> CLOSING = new ConcurrentHashMap<>();

    private final SerialPort port;
    private final String name;
    private final Reading reading;
    private volatile boolean closed;
    /** Why the port is gone (jSerialComm said it was disconnected), or null. */
    private volatile String gone;
    /** Whether reading has ended (a read of -1, or one that threw). */
    private volatile boolean readEnded;

    private JSerialCommLink(SerialPort port, String name, Reading reading) {
        this.port = port;
        this.name = name;
        this.reading = reading;
    }

    /**
     * Opens {@code path} at {@code baud}, 8N1, no flow control, its reads {@linkplain Reading#POLL polling}.
     *
     * @throws DeviceException when the port does not exist or cannot be opened, naming it
     */
    public static JSerialCommLink open(String path, int baud) {
        return open(path, baud, Reading.POLL);
    }

    /**
     * Opens {@code path} at {@code baud}, 8N1, no flow control, its reads waiting the {@code reading} way.
     *
     * @throws DeviceException when the port does not exist or cannot be opened, naming it
     */
    public static JSerialCommLink open(String path, int baud, Reading reading) {
        String name = "serial:" + path;
        if (!Files.exists(Path.of(path))) {
            throw new DeviceException(name + ": no such port (is the adapter plugged in? `percuss ports` lists them)");
        }
        // jSerialComm's native code sets SIGHUP to "ignore" for the whole process, and the JVM then
        // refuses to handle it: a hang-up (a closed terminal, a dropped SSH session) must still stop
        // the motor, so its handler is put back once the port is open.
        HangupSignal hangup = HangupSignal.capture();
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new DeviceException(name + ": cannot use this port: " + e.getMessage(), e);
        }
        try {
            return open(port, path, baud, reading);
        } finally {
            hangup.restore();
        }
    }

    /**
     * Configures and opens {@code port}, found at {@code path}, and listens for its disconnection.
     *
     * @throws DeviceException when it cannot be opened, naming it
     */
    static JSerialCommLink open(SerialPort port, String path, int baud, Reading reading) {
        String name = "serial:" + path;
        awaitClosing(name);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(reading.mode | SerialPort.TIMEOUT_WRITE_BLOCKING, reading.timeoutMillis,
                WRITE_TIMEOUT_MILLIS);
        if (!port.openPort()) {
            throw new DeviceException(name + ": cannot open the port (error " + port.getLastErrorCode()
                    + "; is it in use, or do you lack permission? On Linux, join the dialout group)");
        }
        port.flushIOBuffers();
        JSerialCommLink link = new JSerialCommLink(port, name, reading);
        port.addDataListener(link.new Unplug());
        return link;
    }

    /** Waits (a second at most) for a close of the port {@code name} still under way in this process. */
    private static void awaitClosing(String name) {
        Thread closing = CLOSING.get(name);
        if (closing != null) {
            try {
                closing.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** jSerialComm's word that the port went away: from then on the link is gone. */
    private final class Unplug implements SerialPortDataListener {
        @Override
        public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
        }

        @Override
        public void serialEvent(SerialPortEvent event) {
            if ((event.getEventType() & SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) != 0) {
                lost("the port was disconnected (unplugged, or the other end closed it)");
            }
        }
    }

    private void lost(String why) {
        if (gone == null) {
            gone = why;
        }
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
        if (closed || readEnded || gone != null) {
            return -1;
        }
        int n;
        try {
            n = port.readBytes(buffer, length, offset);
            if (n == 0) {
                LockSupport.parkNanos(IDLE_WAIT_NANOS);
                if (reading == Reading.POLL) {
                    n = port.readBytes(buffer, length, offset);
                }
            }
        } catch (RuntimeException e) {
            readEnded = true;
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        if (n < 0) {
            readEnded = true;
            return -1;
        }
        return n;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException(name + " is closed");
        }
        String why = gone;
        if (why != null) {
            throw new IOException(name + ": " + why);
        }
        int written;
        try {
            written = port.writeBytes(buffer, length, offset);
        } catch (RuntimeException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        if (written != length) {
            throw new IOException(name + ": wrote " + Math.max(0, written) + " of " + length + " bytes (error "
                    + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            // jSerialComm's closePort first waits, up to half a second, for the event thread of the
            // unplug listener to notice; nothing here needs that wait, so the port closes on a thread
            // of its own (and with the process, should it end first).
            // A later open of the same port waits for it (see open).
            CLOSING.put(name, Thread.ofPlatform().daemon().name("close " + name).start(() -> {
                port.closePort();
                CLOSING.remove(name);
            }));
        }
    }
}
