package org.percuss.device.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.percuss.device.api.Capabilities;
import org.percuss.device.api.ClearStatus;
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
import org.percuss.device.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of PROTOCOL.md as a state machine: it takes the board's bytes ({@link #receive})
 * and timer events from its {@link Scheduler}, and writes frames to a {@link ByteSink}. It owns no
 * thread and never waits, so the same class drives a board on a real port (through
 * {@link SerialConnection}, the I/O pump) and, in virtual time, the simulated board over a
 * simulated wire. Its phases:
 *
 * <ol>
 *   <li><b>Handshake</b> ({@link #start}): HELLO now and every 200 ms until HELLO_REPLY (1 s, then
 *       a failure naming the port). Reports that arrive before HELLO_REPLY are stale (left in the
 *       port from an earlier session) and ignored. The reply must speak version 1 and announce a
 *       watchdog this host can feed: one packet per {@code feedInterval} (the control tick) must
 *       come at least every {@code watchdog_ms / 3}. Then the first report (1 s): a COMM_TIMEOUT
 *       latched while no host spoke is cleared (CLEAR_FAULTS resent every 100 ms for up to 1 s,
 *       then a fresh report); any other fault is left in the telemetry for the controller to name,
 *       and it refuses to start. {@link #ready()} completes, or fails with a {@link DeviceException}
 *       saying what did not answer (exit 3).</li>
 *   <li><b>Running</b>: a PING every {@code watchdog_ms / 3} feeds the board until the control loop's
 *       first command; from then on only the loop's SET_SPEED every tick does, so a hung loop lets
 *       the board's watchdog stop the motor. A report with a fault bit or the e-stop input makes
 *       this class send STOP at once, from the reader, and hold every later command at 0 until a
 *       clear succeeds; {@link #commandSpeed} returns what it actually sent. Every fault bit seen
 *       since the last clear stays in {@link #telemetry()} (the e-stop input as EMERGENCY_STOP), so
 *       the controller latches each even when a report is overwritten before its tick reads it.
 *       {@link #requestClearFaults()} sends CLEAR_FAULTS (resent every 100 ms for up to 500 ms);
 *       the answer is CLEARED once the ACK and then a fresh report have come.</li>
 *   <li><b>Closing</b> ({@link #close()}): STOP, resent until ACKed for up to 200 ms, then
 *       {@link #closed()} completes and the link may close: closing a port may drop unsent bytes,
 *       and this STOP is the last word.</li>
 * </ol>
 * A link that fails ({@link #linkLost}, a write error) makes every later command throw a
 * {@link DeviceException} naming the port; {@link #stop()} still tries its STOP, which a port that
 * fails only on reading may carry. Thread-safe: one lock; {@link #telemetry()} reads a
 * volatile. A control tick's {@link #commandSpeed} allocates nothing.
 *
 * <p>Why one class of some 500 lines: the host's rules are one state machine under one lock, and
 * its invariant — once a fault is seen, every command that leaves is 0 until a clear succeeds —
 * spans the handshake, the reader, the timers and the API. Splitting the phases into classes would
 * split that lock and that invariant over several owners; the I/O already lives apart
 * ({@link SerialConnection}), as do a resent request ({@link PendingRequest}) and the codec.
 */
public final class SerialDevice implements PercussionDevice {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDevice.class);

    static {
        // Loaded and initialized with this class, at the connect, rather than on the reader thread
        // at the first refusal, which comes with an emergency stop (see lastNack).
        NackReason.ofCode(NackReason.FAULT_ACTIVE.code());
    }

    /** PROTOCOL.md: the host waits this long for HELLO_REPLY (and, after it, for each step of the handshake). */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    /** The telemetry period a board uses from power-up (PROTOCOL.md). */
    public static final int DEFAULT_TELEMETRY_PERIOD_MILLIS = 20;
    /** The longest a whole handshake can take: HELLO, the first report, clearing an old COMM_TIMEOUT. */
    public static final Duration OPEN_BUDGET = HANDSHAKE_TIMEOUT.multipliedBy(3);
    static final Duration HELLO_RETRY = Duration.ofMillis(200);
    static final Duration REQUEST_RETRY = Duration.ofMillis(100);
    static final Duration CLEAR_TIMEOUT = Duration.ofMillis(500);
    static final Duration CLOSE_CONFIRM = Duration.ofMillis(200);

    private enum Phase { HANDSHAKE, RUNNING, CLOSING, CLOSED }

    private final String name;
    private final ByteSink out;
    private final Scheduler scheduler;
    private final long feedIntervalNanos;
    private final PacketEncoder encoder = new PacketEncoder();
    private final PacketDecoder decoder = new PacketDecoder();
    private final CompletableFuture<Capabilities> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private volatile Telemetry telemetry;
    private Phase phase = Phase.HANDSHAKE;
    private int seq;
    private Packet.HelloReply hello;
    private Capabilities capabilities;
    private String linkError;
    private int seenFaults;
    private boolean halted;
    private boolean loopStarted;
    private long helloDeadline;
    private long reportDeadline;
    private Scheduler.Cancellable handshakeTimer;
    private Scheduler.Cancellable keepAlive;
    private long lastSentNanos;
    private PendingRequest pending;
    private boolean acknowledgedClear;
    private ClearStatus clearStatus = ClearStatus.NONE;
    private long nacks;
    // The latest refusal as read, put in words only when asked (the session's summary, at the end).
    // A refusal comes in the middle of an emergency stop (the board refuses the speed the host
    // commanded before it saw the e-stop's report), on the reader thread that sends the STOP; words
    // built there linked a string concatenation and loaded classes in a fresh JVM, and held the
    // STOP up by 2-60 ms (BENCHMARKS.md). Null before the first.
    private Packet.Nack lastNack;

    /**
     * A board named {@code name} whose frames go to {@code out}; nothing is sent until {@link #start}.
     *
     * @param feedInterval how often the host will send a packet while running (the control tick)
     */
    public SerialDevice(String name, ByteSink out, Scheduler scheduler, Duration feedInterval) {
        this.name = name;
        this.out = out;
        this.scheduler = scheduler;
        this.feedIntervalNanos = feedInterval.toNanos();
    }

    /** Begins the handshake: HELLO now. Watch {@link #ready()}. */
    public synchronized SerialDevice start() {
        long now = scheduler.nanos();
        helloDeadline = now + HANDSHAKE_TIMEOUT.toNanos();
        sendQuietly(PacketType.HELLO, 1);
        handshakeTimer = scheduler.scheduleAtFixedRate(HELLO_RETRY, HELLO_RETRY, this::handshakeTimer);
        return this;
    }

    /** Completes with the board's capabilities once the handshake is done; fails naming what went wrong. */
    public CompletableFuture<Capabilities> ready() {
        return ready;
    }

    /** Completes once the closing STOP was acknowledged, or could not be (after {@link #CLOSE_CONFIRM}). */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    // ---- from the wire -------------------------------------------------------------------------

    /** Bytes the board sent; any number, any split. Never throws on bad bytes. */
    public synchronized void receive(byte[] buffer, int offset, int length) {
        decoder.feed(buffer, offset, length, this::received);
    }

    /** The link is gone (unplugged, the other end closed, a read error). */
    public synchronized void linkLost(String why) {
        if (linkError == null) {
            linkError = why;
            if (phase != Phase.CLOSED) {
                LOG.error("{}: {}", name, why);
            }
        }
        fail(name + ": " + why);
        if (phase == Phase.CLOSING) {
            finishClosing();
        }
    }

    private void received(Packet packet) {
        switch (packet) {
            case Packet.TelemetryReport t -> report(t);
            case Packet.HelloReply h -> helloReply(h);
            case Packet.Ack a -> answered(a.ackedSeq(), true, null);
            case Packet.Nack n -> {
                NackReason reason = n.reason();
                lastNack = n;
                nacks++;
                LOG.warn("{}: the board refused command {}: {}", name, n.ackedSeq(), reason.description());
                if (reason == NackReason.UNSUPPORTED_VERSION) {
                    fail(name + ": the board does not support protocol version 1");
                }
                answered(n.ackedSeq(), false, reason);
            }
            default -> LOG.debug("{}: ignoring {} from the board", name, packet);
        }
    }

    private void report(Packet.TelemetryReport t) {
        if (hello == null) {
            return; // before HELLO_REPLY: stale, from before this host spoke
        }
        Inputs inputs = new Inputs(t.inputs());
        FaultSet reported = FaultSet.fromWire(t.faults());
        int bits = reported.bits() | (inputs.isActive(Input.EMERGENCY_STOP) ? Fault.EMERGENCY_STOP.mask() : 0);
        boolean fresh = pending != null && pending.type() == PacketType.CLEAR_FAULTS && pending.acknowledged();
        if (fresh) {
            seenFaults = bits; // measured after the clear was acknowledged
            halted = false;
        } else {
            seenFaults |= bits;
        }
        telemetry = new Telemetry(scheduler.nanos(), t.measuredPpm(), t.currentMilliamps() / 1000.0,
                t.temperatureDeciCelsius() / 10.0, t.supplyMillivolts() / 1000.0, inputs, new FaultSet(seenFaults),
                t.uptimeMillis());
        if (!halted && bits != 0) {
            halted = true;
            sendQuietly(PacketType.STOP, 0); // at once: the control tick may be up to a period away
        }
        if (fresh) {
            pending.cancel();
            pending = null;
            settleClear(ClearStatus.CLEARED);
        } else if (phase == Phase.HANDSHAKE && pending == null) {
            firstReport(reported);
        }
    }

    private void answered(int ackedSeq, boolean ack, NackReason reason) {
        if (pending == null || pending.acknowledged() || !pending.answers(ackedSeq)) {
            return;
        }
        if (ack && pending.type() == PacketType.CLEAR_FAULTS) {
            pending.acknowledge(); // done on the board; the next report shows the result
            return;
        }
        PacketType type = pending.type();
        pending.cancel();
        pending = null;
        if (type == PacketType.STOP) {
            finishClosing();
        } else {
            // CLEAR_FAULTS refused: at connect the controller names the fault; later the user hears why
            settleClear(reason == NackReason.FAULT_ACTIVE ? ClearStatus.REFUSED : ClearStatus.NO_ANSWER);
        }
    }

    // ---- the handshake -------------------------------------------------------------------------

    private void handshakeTimer() {
        synchronized (this) {
            if (phase != Phase.HANDSHAKE || ready.isDone()) {
                cancelHandshakeTimer();
                return;
            }
            long now = scheduler.nanos();
            if (hello == null) {
                if (now - helloDeadline >= 0) {
                    fail(name + ": no answer to HELLO within " + HANDSHAKE_TIMEOUT.toMillis()
                            + " ms (is a board connected, powered, speaking percuss protocol 1 at this baud rate?)");
                } else {
                    sendQuietly(PacketType.HELLO, 1); // line noise may have eaten it
                }
            } else if (telemetry == null && now - reportDeadline >= 0) {
                fail(name + ": the board answered HELLO but sent no telemetry within " + HANDSHAKE_TIMEOUT.toMillis()
                        + " ms");
            }
        }
    }

    private void helloReply(Packet.HelloReply h) {
        if (hello != null || phase != Phase.HANDSHAKE) {
            return;
        }
        if (h.protocolVersion() != 1) {
            fail(name + ": the board speaks protocol version " + h.protocolVersion() + "; percuss speaks version 1");
            return;
        }
        long needed = 3 * feedIntervalNanos;
        if (h.watchdogMillis() * 1_000_000L < needed) {
            fail(String.format(java.util.Locale.ROOT, "%s: the board's watchdog of %d ms needs a packet every %.1f ms;"
                    + " this host sends one every %d ms, so it needs a watchdog of at least %d ms", name,
                    h.watchdogMillis(), h.watchdogMillis() / 3.0, feedIntervalNanos / 1_000_000, needed / 1_000_000));
            return;
        }
        try {
            capabilities = new Capabilities(h.minPpm(), h.maxPpm(), Capabilities.featuresFromWire(h.capabilities()),
                    h.watchdogMillis(), DEFAULT_TELEMETRY_PERIOD_MILLIS);
        } catch (IllegalArgumentException e) {
            fail(name + ": the board's HELLO_REPLY makes no sense: " + e.getMessage());
            return;
        }
        hello = h;
        reportDeadline = scheduler.nanos() + HANDSHAKE_TIMEOUT.toNanos();
        // A PING is due one feed interval (watchdog / 3) after the last packet sent, the HELLO this
        // answers included, less a tenth: a timer fires late, never early (on a busy machine by
        // several ms), and counted from this reply the first PING would come an interval after the
        // HELLO plus the board's answer time.
        long period = h.watchdogMillis() * 1_000_000L / 3;
        long first = Math.max(0, lastSentNanos + keepAliveDue(h) - scheduler.nanos());
        keepAlive = scheduler.scheduleAtFixedRate(Duration.ofNanos(first), Duration.ofNanos(period), this::keepAlive);
        LOG.info("{}: board speaks protocol 1, {}..{} ppm, watchdog {} ms, capabilities {}", name, h.minPpm(),
                h.maxPpm(), h.watchdogMillis(), capabilities.features());
    }

    private void firstReport(FaultSet reported) {
        if (reported.equals(FaultSet.of(Fault.COMM_TIMEOUT)) && clearStatus == ClearStatus.NONE) {
            // Latched while no host was talking: the silence it reports was before this session.
            LOG.info("{}: clearing the COMM_TIMEOUT latched before this host connected", name);
            clearStatus = ClearStatus.PENDING;
            pending = PendingRequest.start(PacketType.CLEAR_FAULTS, REQUEST_RETRY, HANDSHAKE_TIMEOUT, scheduler,
                    () -> sendQuietly(PacketType.CLEAR_FAULTS, 0), this::requestTimer);
            return;
        }
        becomeReady();
    }

    private void becomeReady() {
        cancelHandshakeTimer();
        phase = Phase.RUNNING;
        clearStatus = ClearStatus.NONE;
        ready.complete(capabilities);
    }

    private void fail(String message) {
        cancelHandshakeTimer();
        if (!ready.isDone()) {
            ready.completeExceptionally(new DeviceException(message));
        }
    }

    private void cancelHandshakeTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
    }

    // ---- timers --------------------------------------------------------------------------------

    /** How long after the last packet sent a keep-alive PING is due: a feed interval, less a tenth. */
    private static long keepAliveDue(Packet.HelloReply h) {
        long period = h.watchdogMillis() * 1_000_000L / 3;
        return period - period / 10;
    }

    /** Until the loop commands, PING often enough that the board's watchdog stays fed. */
    private void keepAlive() {
        synchronized (this) {
            if (loopStarted || phase == Phase.CLOSED || linkError != null) {
                keepAlive.cancel();
                return;
            }
            if (scheduler.nanos() - lastSentNanos >= keepAliveDue(hello)) {
                sendQuietly(PacketType.PING, 0);
            }
        }
    }

    private void requestTimer() {
        synchronized (this) {
            if (pending == null || !pending.resendOrGiveUp(scheduler.nanos(), () -> sendQuietly(pending.type(), 0))) {
                return;
            }
            PacketType type = pending.type();
            acknowledgedClear = pending.acknowledged();
            pending = null;
            if (type == PacketType.STOP) {
                LOG.warn("{}: no answer to STOP within {} ms", name, CLOSE_CONFIRM.toMillis());
                finishClosing();
            } else if (phase == Phase.HANDSHAKE) {
                fail(name + ": " + clearSilence(HANDSHAKE_TIMEOUT));
            } else {
                LOG.warn("{}: {}", name, clearSilence(CLEAR_TIMEOUT));
                settleClear(ClearStatus.NO_ANSWER);
            }
        }
    }

    private String clearSilence(Duration timeout) {
        return acknowledgedClear
                ? "the board acknowledged CLEAR_FAULTS but sent no report after it within " + timeout.toMillis() + " ms"
                : "no answer to CLEAR_FAULTS within " + timeout.toMillis() + " ms";
    }

    // ---- the device API ------------------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized int commandSpeed(int targetPpm) {
        failIfUnusable();
        loopStarted = true;
        int sent = halted ? 0 : targetPpm;
        send(PacketType.SET_SPEED, sent);
        return sent;
    }

    @Override
    public synchronized void stop() {
        // Even after the link failed: a port that can no longer be read may still carry a STOP.
        if (phase != Phase.CLOSED) {
            sendQuietly(PacketType.STOP, 0);
        }
    }

    @Override
    public Telemetry telemetry() {
        return telemetry;
    }

    @Override
    public synchronized void requestClearFaults() {
        failIfUnusable();
        if (pending != null) {
            pending.cancel();
        }
        clearStatus = ClearStatus.PENDING;
        pending = PendingRequest.start(PacketType.CLEAR_FAULTS, REQUEST_RETRY, CLEAR_TIMEOUT, scheduler,
                () -> send(PacketType.CLEAR_FAULTS, 0), this::requestTimer);
    }

    @Override
    public synchronized ClearStatus clearStatus() {
        return clearStatus;
    }

    /** A clear's answer; at connect, whatever it was, the handshake is done (a fault left is named by the controller). */
    private void settleClear(ClearStatus status) {
        if (phase == Phase.HANDSHAKE) {
            becomeReady();
            return;
        }
        clearStatus = status;
    }

    /** How many commands the board refused. */
    public synchronized long nacks() {
        return nacks;
    }

    /** The latest refusal, in words, or empty. */
    public synchronized String lastNack() {
        return lastNack == null ? ""
                : "the board refused command " + lastNack.ackedSeq() + ": " + lastNack.reason().description();
    }

    /** Stops the motor: STOP, resent until acknowledged (200 ms at most); then {@link #closed()} completes. */
    @Override
    public synchronized void close() {
        if (phase == Phase.CLOSING || phase == Phase.CLOSED) {
            return;
        }
        cancelHandshakeTimer();
        fail(name + ": closed during the handshake");
        if (keepAlive != null) {
            keepAlive.cancel();
        }
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (linkError != null || hello == null) {
            stop();
            finishClosing();
            return;
        }
        phase = Phase.CLOSING;
        pending = PendingRequest.start(PacketType.STOP, REQUEST_RETRY, CLOSE_CONFIRM, scheduler,
                () -> sendQuietly(PacketType.STOP, 0), this::requestTimer);
    }

    /** Closed for good: timers stopped, {@link #closed()} complete. */
    private void finishClosing() {
        phase = Phase.CLOSED;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (keepAlive != null) {
            keepAlive.cancel();
        }
        closed.complete(null);
    }

    // ---- sending -------------------------------------------------------------------------------

    private void failIfUnusable() {
        if (linkError != null) {
            throw new DeviceException(name + ": " + linkError);
        }
        if (phase == Phase.HANDSHAKE) {
            throw new DeviceException(name + ": the handshake is not done");
        }
        if (phase == Phase.CLOSING || phase == Phase.CLOSED) {
            throw new DeviceException(name + ": closed");
        }
    }

    /** What went wrong with the link {@code name}, without its name in front: the messages here name it once. */
    static String reason(String name, Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
    }

    /** Sends a command and returns its sequence number; a failed write loses the link and throws. */
    private int send(PacketType type, int value) {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        int n = switch (type) {
            case SET_SPEED -> encoder.encodeSetSpeed(s, value);
            case HELLO -> encoder.encode(new Packet.Hello(s, value));
            default -> encoder.encodeEmpty(type, s);
        };
        try {
            out.write(encoder.frame(), 0, n);
        } catch (IOException | RuntimeException e) {
            linkLost("write failed: " + reason(name, e));
            throw new DeviceException(name + ": " + linkError, e);
        }
        lastSentNanos = scheduler.nanos();
        return s;
    }

    /** {@link #send}, for timers and the reader, where a failed write is reported by the next command. */
    private int sendQuietly(PacketType type, int value) {
        try {
            return send(type, value);
        } catch (DeviceException e) {
            return -1;
        }
    }
}
