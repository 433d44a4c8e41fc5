package org.percuss.controller.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.percuss.controller.loop.ControlLoop;
import org.percuss.controller.loop.StopReason;
import org.percuss.device.api.PercussionDevice;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a session: the loop is asked to finish, which commands zero
 * on its next tick, prints the summary and exits 0. Handling the signals (rather than a shutdown
 * hook) keeps the JVM alive to do that and to choose the exit code. Should the loop not end within
 * two seconds, the device is stopped directly and the process ends with the device error code.
 */
final class Interrupts implements AutoCloseable {

    private static final long GRACE_MILLIS = 2000;

    private final CountDownLatch sessionOver = new CountDownLatch(1);
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private Interrupts(ControlLoop loop, PercussionDevice device, PrintStream err) {
        SignalHandler handler = signal -> {
            loop.finish(StopReason.INTERRUPTED);
            try {
                if (!sessionOver.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    device.stop();
                    err.println("percuss: the control loop did not stop within 2 s; stopped " + device.name()
                            + " directly");
                    Runtime.getRuntime().halt(ExitCode.DEVICE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        previousInt = Signal.handle(new Signal("INT"), handler);
        previousTerm = Signal.handle(new Signal("TERM"), handler);
    }

    /** Routes SIGINT and SIGTERM to {@code loop} until {@link #close()}. */
    static Interrupts install(ControlLoop loop, PercussionDevice device, PrintStream err) {
        return new Interrupts(loop, device, err);
    }

    /** The session is over: restores the previous handlers. */
    @Override
    public void close() {
        sessionOver.countDown();
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
