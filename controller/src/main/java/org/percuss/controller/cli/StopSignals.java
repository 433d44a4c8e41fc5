package org.percuss.controller.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that serves until stopped ({@code percuss board}):
 * each runs the given stop action instead of ending the JVM at once, so the command can finish
 * its work and print its summary. {@link #close()} puts the previous handlers back.
 */
final class StopSignals implements AutoCloseable {

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private StopSignals(Runnable stop) {
        SignalHandler handler = signal -> stop.run();
        previousInt = Signal.handle(new Signal("INT"), handler);
        previousTerm = Signal.handle(new Signal("TERM"), handler);
    }

    /** Routes SIGINT and SIGTERM to {@code stop} until {@link #close()}. */
    static StopSignals install(Runnable stop) {
        return new StopSignals(stop);
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
