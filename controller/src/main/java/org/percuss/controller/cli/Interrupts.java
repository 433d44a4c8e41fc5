package org.percuss.controller.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.StopReason;
import org.percuss.device.api.PercussionDevice;
import org.percuss.device.os.IgnoredSignals;
import org.percuss.device.os.QuitSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The signals that end a session: Ctrl-C (SIGINT), SIGTERM, and SIGHUP — the terminal closed, or
 * the SSH connection to a Pi dropped, which must stop the motor too (issue 10). Once the session's
 * loop is {@linkplain #attach attached}, a signal asks it to finish, which commands zero on its next
 * tick, prints the summary and exits 0. Before that (a serial handshake under way) the thread that
 * is opening the device is interrupted, and {@link #early()} says so, so the command can say
 * "interrupted" and exit 0. They stop the session even when percuss was started with them
 * ignored (under {@code nohup}, or as a script's background job): see {@link IgnoredSignals}. Handling the signals (rather than a shutdown hook) keeps the JVM
 * alive to do all that and to choose the exit code. Should the loop not end within two seconds,
 * the device is stopped directly and the process ends with the device error code.
 *
 * <p>SIGQUIT (Ctrl-\) cannot be made a stop: the JVM reserves it for its thread dump and refuses a
 * handler for it ({@code Signal already used by VM or OS}). While a session runs it is ignored
 * ({@link QuitSignal}): no thread dump on the user's terminal, and the session goes on; Ctrl-C is
 * the terminal's way out (and, with keys on, {@code q} or Ctrl-\ as a key).
 */
final class Interrupts implements AutoCloseable {

    private static final long GRACE_MILLIS = 2000;
    private static final String[] SIGNALS = {"INT", "TERM", "HUP"};

    private final Thread owner;
    private final PrintStream err;
    private final CountDownLatch sessionOver = new CountDownLatch(1);
    private final QuitSignal quit;
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];
    private volatile ControlLoop loop;
    private volatile PercussionDevice device;
    private volatile String early;
    private volatile boolean over;
    private volatile Runnable onSignal = () -> { };
    private volatile Runnable beforeHalt = () -> { };

    private Interrupts(Thread owner, PrintStream err) {
        this.owner = owner;
        this.err = err;
        this.quit = QuitSignal.ignore();
        IgnoredSignals.unignoreStopSignals(); // started under nohup or as a script's background job
        for (int i = 0; i < SIGNALS.length; i++) {
            previous[i] = Signal.handle(new Signal(SIGNALS[i]), this::handle);
        }
    }

    /** Routes SIGINT, SIGTERM and SIGHUP to the session of {@code owner} (the calling thread) until {@link #close()}. */
    static Interrupts install(PrintStream err) {
        return new Interrupts(Thread.currentThread(), err);
    }

    /** From now on a signal finishes {@code loop}; {@code device} is stopped directly if the loop hangs. */
    void attach(ControlLoop loop, PercussionDevice device) {
        this.device = device;
        this.loop = loop;
        if (early != null) {
            loop.finish(StopReason.INTERRUPTED);
        }
    }

    /** Also runs {@code r} on every signal once a loop is attached (the live controls: quit, no linger). */
    void alsoOnSignal(Runnable r) {
        onSignal = r;
    }

    /** Runs {@code r} before the process is halted for a loop that did not stop (the terminal's settings back). */
    void beforeHalt(Runnable r) {
        beforeHalt = r;
    }

    /** The session's loop has stopped: a signal from now on no longer waits for it (only {@link #alsoOnSignal} runs). */
    void sessionEnded() {
        over = true;
        sessionOver.countDown();
    }

    /** The signal that came before a loop was attached (SIGINT, ...), or null. */
    String early() {
        return early;
    }

    private void handle(Signal signal) {
        ControlLoop l = loop;
        if (l == null) {
            if (early == null) {
                early = "SIG" + signal.getName();
                owner.interrupt(); // a handshake waiting for the board gives up at once
            }
            return;
        }
        onSignal.run();
        if (over) {
            return;
        }
        l.finish(StopReason.INTERRUPTED);
        try {
            if (!sessionOver.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                beforeHalt.run();
                PercussionDevice d = device;
                d.stop();
                err.println("percuss: the control loop did not stop within 2 s; stopped " + d.name() + " directly");
                Runtime.getRuntime().halt(ExitCode.DEVICE.code());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session is over: restores the previous handlers. */
    @Override
    public void close() {
        sessionOver.countDown();
        quit.close();
        for (int i = 0; i < SIGNALS.length; i++) {
            Signal.handle(new Signal(SIGNALS[i]), previous[i]);
        }
        Thread.interrupted(); // a late signal's interrupt must not leak into what follows
    }
}
