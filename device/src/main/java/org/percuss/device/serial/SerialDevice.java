package org.percuss.device.serial;

import java.io.IOException;
import java.time.Duration;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.DeviceException;
import org.percuss.device.api.Fault;
import org.percuss.device.api.FaultSet;
import org.percuss.device.api.Input;
import org.percuss.device.api.Inputs;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.api.Telemetry;
import org.percuss.device.protocol.NackReason;
import org.percuss.device.protocol.Packet;
import org.percuss.device.protocol.PacketDecoder;
import org.percuss.device.protocol.PacketEncoder;
import org.percuss.device.protocol.PacketType;
import org.percuss.device.time.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of PROTOCOL.md: a motor-controller board on a {@link SerialLink}, driven through
 * the device API.
 *
 * <ul>
 *   <li>{@link #open} sends HELLO and refuses to go on until a HELLO_REPLY with protocol version 1
 *       and a first TELEMETRY have arrived; after the handshake timeout (1 s) it fails with a
 *       message naming the port. A COMM_TIMEOUT the board latched before this host spoke (the
 *       previous host's silence) is cleared; any other latched fault is left for the controller
 *       to report.</li>
 *   <li>Until the control loop's first command, a keep-alive PING every {@code watchdog_ms / 3}
 *       feeds the board's watchdog; from then on only the loop's SET_SPEED every tick does, so a
 *       hung loop lets the board's watchdog stop the motor.</li>
 *   <li>A reader thread decodes what the board sends: TELEMETRY becomes {@link Telemetry} (fault
 *       bits and the e-stop input included, for the safety rules), NACKs are logged and counted,
 *       ACKs complete {@link #clearFaults()}.</li>
 *   <li>"Treats any set fault bit as a stop: it commands 0 at once": the reader thread sends STOP
 *       the moment it decodes a report with a fault bit or the emergency-stop input, without
 *       waiting for the next control tick, and latches that: until {@link #clearFaults()} succeeds
 *       and a fresh report is clean, every {@link #commandSpeed} sends 0 whatever it is asked, so
 *       a tick already under way cannot follow the STOP with a speed. The controller still stops
 *       and latches its own state on its next tick.</li>
 *   <li>A link that fails (a write error, a read of end-of-stream: unplugged, the other end gone)
 *       makes every later command throw {@link DeviceException} naming the port; {@link #stop()}
 *       still tries its STOP, which a port that fails only on reading may carry.</li>
 *   <li>{@link #stop()} and {@link #close()} send STOP and are safe from any thread; close waits
 *       up to 200 ms for the board's ACK first, since closing a port may drop unsent bytes.</li>
 * </ul>
 * The control tick's {@link #commandSpeed} allocates nothing: the frame is encoded into a reused
 * buffer.
 */
public final class SerialDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDevice.class);

    /** PROTOCOL.md: the host waits this long for HELLO_REPLY. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    /** The telemetry period a board uses from power-up (PROTOCOL.md). */
    public static final int DEFAULT_TELEMETRY_PERIOD_MILLIS = 20;
    private static final long HELLO_RETRY_NANOS = 200_000_000L;
    private static final long CLEAR_TIMEOUT_NANOS = 500_000_000L;
    private static final long CLOSE_CONFIRM_NANOS = 200_000_000L;

    private final SerialLink link;
    private final Ticker ticker;
    private final PacketEncoder encoder = new PacketEncoder();
    private final Object writeLock = new Object();
    private final Object replies = new Object();
    private final Thread reader;

    private int seq;
    private volatile Packet.HelloReply helloReply;
    private volatile Telemetry telemetry;
    private volatile String linkError;
    private volatile boolean loopStarted;
    private volatile boolean halted;
    private volatile boolean closed;
    private Capabilities capabilities;
    private volatile long lastSentNanos;

    private int awaitedSeq = -1;
    private Packet awaitedReply;
    private volatile long nacks;
    private volatile String lastNack = "";

    private SerialDevice(SerialLink link, Ticker ticker) {
        this.link = link;
        this.ticker = ticker;
        this.reader = Thread.ofPlatform().name("percuss-serial-reader").daemon().unstarted(this::readLoop);
    }

    /**
     * Opens the board on {@code link}: HELLO, HELLO_REPLY, first telemetry.
     *
     * @throws DeviceException when the board does not answer in time, speaks another protocol
     *         version, or the link fails; the link is closed then
     */
    public static SerialDevice open(SerialLink link, Ticker ticker) {
        SerialDevice device = new SerialDevice(link, ticker);
        try {
            device.handshake();
            return device;
        } catch (RuntimeException e) {
            device.close();
            throw e;
        }
    }

    private void handshake() {
        reader.start();
        long start = ticker.nanos();
        long deadline = start + HANDSHAKE_TIMEOUT.toNanos();
        long nextHello = start;
        while (helloReply == null || telemetry == null) {
            failIfLinkLost();
            long now = ticker.nanos();
            if (now - deadline >= 0) {
                throw new DeviceException(name() + ": " + (helloReply == null
                        ? "no answer to HELLO within " + HANDSHAKE_TIMEOUT.toMillis()
                                + " ms (is a board connected, powered, speaking percuss protocol 1 at this baud rate?)"
                        : "the board answered HELLO but sent no telemetry within "
                                + HANDSHAKE_TIMEOUT.toMillis() + " ms"));
            }
            if (helloReply == null && now - nextHello >= 0) {
                send(PacketType.HELLO, 1); // resent in case line noise ate it
                nextHello = now + HELLO_RETRY_NANOS;
            }
            awaitReplies(Math.min(deadline - now, 10_000_000L));
        }
        Packet.HelloReply reply = helloReply;
        if (reply.protocolVersion() != 1) {
            throw new DeviceException(name() + ": the board speaks protocol version " + reply.protocolVersion()
                    + "; percuss speaks version 1");
        }
        try {
            capabilities = new Capabilities(reply.minPpm(), reply.maxPpm(),
                    Capabilities.featuresFromWire(reply.capabilities()), reply.watchdogMillis(),
                    DEFAULT_TELEMETRY_PERIOD_MILLIS);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(name() + ": the board's HELLO_REPLY makes no sense: " + e.getMessage());
        }
        LOG.info("{}: board speaks protocol 1, {}..{} ppm, watchdog {} ms, capabilities {}", name(),
                reply.minPpm(), reply.maxPpm(), reply.watchdogMillis(), capabilities.features());
        if (telemetry.faults().equals(FaultSet.of(Fault.COMM_TIMEOUT))) {
            // Latched while no host was talking: the silence it reports was before this session.
            LOG.info("{}: clearing the COMM_TIMEOUT latched before this host connected", name());
            clearFaults();
        }
    }

    private void awaitReplies(long nanos) {
        if (nanos <= 0) {
            return;
        }
        synchronized (replies) {
            try {
                replies.wait(Math.max(1, nanos / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(name() + ": interrupted while waiting for the board");
            }
        }
    }

    // ---- the reader thread ---------------------------------------------------------------------

    private void readLoop() {
        PacketDecoder decoder = new PacketDecoder();
        byte[] buffer = new byte[512];
        while (!closed) {
            int n;
            try {
                n = link.read(buffer, 0, buffer.length);
            } catch (IOException | RuntimeException e) {
                linkLost("read failed: " + reason(e));
                return;
            }
            if (n < 0) {
                if (!closed) {
                    linkLost("the link was lost (unplugged, or the other end closed it)");
                }
                return;
            }
            if (n > 0) {
                decoder.feed(buffer, 0, n, this::received);
            }
            keepAliveBeforeTheLoop();
        }
    }

    private void received(Packet packet) {
        switch (packet) {
            case Packet.TelemetryReport t -> {
                Telemetry report = new Telemetry(ticker.nanos(), t.measuredPpm(), t.currentMilliamps() / 1000.0,
                        t.temperatureDeciCelsius() / 10.0, t.supplyMillivolts() / 1000.0, new Inputs(t.inputs()),
                        FaultSet.fromWire(t.faults()), t.uptimeMillis());
                telemetry = report;
                if (!halted && demandsStop(report)) {
                    halted = true;
                    stop(); // at once, from this thread: the tick may be up to a period away
                }
                notifyReplies(); // the handshake and clearFaults wait for reports
            }
            case Packet.HelloReply h -> {
                helloReply = h;
                notifyReplies();
            }
            case Packet.Ack a -> reply(a.ackedSeq(), a);
            case Packet.Nack n -> {
                lastNack = "the board refused command " + n.ackedSeq() + ": " + n.reason().description();
                nacks++; // after the message: a reader that sees the count sees the message
                LOG.warn("{}: {}", name(), lastNack);
                if (n.reason() == NackReason.UNSUPPORTED_VERSION) {
                    linkError = "the board does not support protocol version 1";
                }
                reply(n.ackedSeq(), n);
            }
            default -> LOG.debug("{}: ignoring {} from the board", name(), packet);
        }
    }

    private void reply(int ackedSeq, Packet packet) {
        synchronized (replies) {
            if (ackedSeq == awaitedSeq) {
                awaitedReply = packet;
            }
            replies.notifyAll();
        }
    }

    private void notifyReplies() {
        synchronized (replies) {
            replies.notifyAll();
        }
    }

    private static boolean demandsStop(Telemetry t) {
        return !t.faults().isEmpty() || t.inputs().isActive(Input.EMERGENCY_STOP);
    }

    /** Until the loop commands, PING often enough that the board's watchdog stays fed. */
    private void keepAliveBeforeTheLoop() {
        Packet.HelloReply h = helloReply;
        if (loopStarted || h == null || closed) {
            return;
        }
        long period = h.watchdogMillis() * 1_000_000L / 3;
        if (ticker.nanos() - lastSentNanos >= period) {
            try {
                send(PacketType.PING, 0);
            } catch (DeviceException e) {
                // reported by the next command
            }
        }
    }

    // ---- sending -------------------------------------------------------------------------------

    /** Sends a command and returns its sequence number. */
    private int send(PacketType type, int value) {
        synchronized (writeLock) {
            int s = seq;
            seq = (seq + 1) & 0xFF;
            int n = switch (type) {
                case SET_SPEED -> encoder.encodeSetSpeed(s, value);
                case HELLO -> encoder.encode(new Packet.Hello(s, value));
                default -> encoder.encodeEmpty(type, s);
            };
            try {
                link.write(encoder.frame(), 0, n);
            } catch (IOException | RuntimeException e) {
                linkLost("write failed: " + reason(e));
                throw new DeviceException(name() + ": " + linkError, e);
            }
            lastSentNanos = ticker.nanos();
            return s;
        }
    }

    /** What went wrong, without the link's name in front: the messages here name it once. */
    private String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        String prefix = name() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private void linkLost(String why) {
        if (linkError == null) {
            linkError = why;
            LOG.error("{}: {}", name(), why);
        }
        notifyReplies();
    }

    private void failIfLinkLost() {
        String error = linkError;
        if (error != null) {
            throw new DeviceException(name() + ": " + error);
        }
    }

    // ---- the device API ------------------------------------------------------------------------

    @Override
    public String name() {
        return link.name();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public void commandSpeed(int targetPpm) {
        loopStarted = true;
        failIfLinkLost();
        send(PacketType.SET_SPEED, halted ? 0 : targetPpm);
    }

    @Override
    public void stop() {
        if (closed) {
            return;
        }
        // Even after the link failed: a port that can no longer be read may still carry a STOP.
        try {
            send(PacketType.STOP, 0);
        } catch (DeviceException e) {
            // the link is gone; the board's watchdog stops the motor
        }
    }

    @Override
    public Telemetry telemetry() {
        return telemetry;
    }

    @Override
    public boolean clearFaults() {
        failIfLinkLost();
        Packet answer = sendAndAwaitReply(PacketType.CLEAR_FAULTS, CLEAR_TIMEOUT_NANOS);
        failIfLinkLost();
        if (answer instanceof Packet.Ack) {
            awaitTelemetryAfter(ticker.nanos());
            if (!demandsStop(telemetry)) {
                halted = false;
            }
            return true;
        }
        return false;
    }

    /**
     * Sends a payload-less command and waits up to {@code timeoutNanos} for the board's ACK or NACK
     * of it; logs and returns {@code null} when none comes.
     *
     * @throws DeviceException when the link fails while sending
     */
    private Packet sendAndAwaitReply(PacketType type, long timeoutNanos) {
        long deadline = ticker.nanos() + timeoutNanos;
        synchronized (replies) {
            awaitedReply = null;
            awaitedSeq = send(type, 0);
            while (awaitedReply == null && linkError == null && ticker.nanos() - deadline < 0) {
                try {
                    replies.wait(Math.max(1, (deadline - ticker.nanos()) / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Packet answer = awaitedReply;
            awaitedSeq = -1;
            if (answer == null && linkError == null) {
                LOG.warn("{}: no answer to {} within {} ms", name(), type, timeoutNanos / 1_000_000L);
            }
            return answer;
        }
    }

    /**
     * Waits (a few telemetry periods at most) for a report received after {@code nanos}: the report
     * in hand when CLEAR_FAULTS was acknowledged still shows the faults just cleared, and a caller
     * that reads it next (the control loop's first tick, after the handshake's clear) must not
     * trip on it.
     */
    private void awaitTelemetryAfter(long nanos) {
        long deadline = nanos + 5L * DEFAULT_TELEMETRY_PERIOD_MILLIS * 1_000_000L;
        synchronized (replies) {
            while (telemetry.receivedNanos() <= nanos && linkError == null && ticker.nanos() - deadline < 0) {
                try {
                    replies.wait(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * STOP, then a short wait for the board's answer before the port closes: closing a serial port
     * may throw away what is still in its output queue, and this STOP is the last word.
     */
    private void stopAndConfirm() {
        if (linkError != null || helloReply == null) {
            stop();
            return;
        }
        try {
            sendAndAwaitReply(PacketType.STOP, CLOSE_CONFIRM_NANOS);
        } catch (DeviceException e) {
            // the link is gone; the board's watchdog stops the motor
        }
    }

    /** How many commands the board refused. */
    public long nacks() {
        return nacks;
    }

    /** The latest refusal, in words, or empty. */
    public String lastNack() {
        return lastNack;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        stopAndConfirm();
        closed = true;
        link.close();
        if (reader.isAlive() && Thread.currentThread() != reader) {
            try {
                reader.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
