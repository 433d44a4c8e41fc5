package org.percuss.device.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.percuss.device.api.DeviceException;
import org.percuss.device.os.RealTimePriority;
import org.percuss.device.time.Scheduler;

/**
 * A {@link SerialDevice} on a real {@link SerialLink}, in real time: the I/O pump, the one piece
 * of the serial driver that owns a thread and waits on the wall clock. Its reader thread hands
 * every byte the board sends to the device and reports the link's end; the device writes to the
 * link under its own lock. {@link #open} blocks until the handshake is done (a few seconds at
 * most); {@link #close} until the closing STOP is acknowledged (200 ms at most).
 */
public final class SerialConnection implements AutoCloseable {

    private static final Duration SLACK = Duration.ofMillis(500);

    private final SerialLink link;
    private final SerialDevice device;
    private final Thread reader;
    private volatile boolean closing;

    private SerialConnection(SerialLink link, Scheduler scheduler, Duration feedInterval, RealTimePriority readerPriority) {
        this.link = link;
        this.device = new SerialDevice(link.name(), link, scheduler, feedInterval);
        this.reader = Thread.ofPlatform().name("percuss-serial-reader").daemon().priority(Thread.MAX_PRIORITY)
                .unstarted(() -> {
                    // asked for by whoever already raised its own thread, so it is permitted
                    readerPriority.applyToCurrentThread();
                    pump();
                });
    }

    /** {@link #open(SerialLink, Scheduler, Duration, RealTimePriority)} with a reader at normal priority. */
    public static SerialConnection open(SerialLink link, Scheduler scheduler, Duration feedInterval) {
        return open(link, scheduler, feedInterval, RealTimePriority.NORMAL);
    }

    /**
     * Talks to the board on {@code link}: the handshake, then a device ready to drive.
     *
     * @param feedInterval how often the control loop will command the board (its tick)
     * @param readerPriority the reader thread's scheduling: at a real-time priority it wakes at once
     *        for the board's report of an emergency stop, whose STOP it sends
     * @throws DeviceException when the board does not answer, speaks another version, announces a
     *         watchdog the host cannot feed, or the link fails, naming the port; or when the thread
     *         is interrupted while waiting. The link is closed then.
     */
    public static SerialConnection open(SerialLink link, Scheduler scheduler, Duration feedInterval,
                                        RealTimePriority readerPriority) {
        SerialConnection c = new SerialConnection(link, scheduler, feedInterval, readerPriority);
        c.reader.start();
        c.device.start();
        try {
            c.device.ready().get(SerialDevice.OPEN_BUDGET.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
            return c;
        } catch (ExecutionException e) {
            c.close();
            throw e.getCause() instanceof DeviceException d ? d : new DeviceException(link.name() + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            c.close();
            Thread.currentThread().interrupt();
            throw new DeviceException(link.name() + ": interrupted while connecting");
        } catch (TimeoutException e) {
            c.close();
            throw new DeviceException(link.name() + ": the handshake did not finish within "
                    + SerialDevice.OPEN_BUDGET.plus(SLACK).toMillis() + " ms");
        }
    }

    /** The board, ready to drive. */
    public SerialDevice device() {
        return device;
    }

    private void pump() {
        byte[] buffer = new byte[512];
        while (!closing) {
            int n;
            try {
                n = link.read(buffer, 0, buffer.length);
            } catch (IOException | RuntimeException e) {
                device.linkLost("read failed: " + SerialDevice.reason(link.name(), e));
                return;
            }
            if (n < 0) {
                if (!closing) {
                    device.linkLost("the link was lost (unplugged, or the other end closed it)");
                }
                return;
            }
            if (n > 0) {
                device.receive(buffer, 0, n);
            }
        }
    }

    /** Stops the motor (STOP, acknowledged or not within 200 ms), then closes the link. Idempotent. */
    @Override
    public void close() {
        device.close();
        try {
            device.closed().get(SerialDevice.CLOSE_CONFIRM.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the STOP went out; the board's watchdog is the backstop
        }
        closing = true;
        link.close();
        if (reader.isAlive() && Thread.currentThread() != reader) {
            try {
                reader.join(SLACK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
