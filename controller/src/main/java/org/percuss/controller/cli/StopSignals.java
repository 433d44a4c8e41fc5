package org.percuss.controller.cli;

import java.util.ArrayList;
import java.util.List;
import org.percuss.device.os.IgnoredSignals;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) for a command that serves until stopped
 * ({@code percuss board}): each runs the given stop action instead of ending the JVM at once, so
 * the command can finish its work and print its summary. Handled as signals, not in a shutdown
 * hook, so the JVM waits for that. {@link #close()} puts the previous handlers back.
 */
final class StopSignals implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals(Runnable stop) {
        IgnoredSignals.unignoreStopSignals(); // started under nohup or as a script's background job
        for (String name : SIGNALS) {
            previous.add(Signal.handle(new Signal(name), signal -> stop.run()));
        }
    }

    /** Routes SIGINT, SIGTERM and SIGHUP to {@code stop} until {@link #close()}. */
    static StopSignals install(Runnable stop) {
        return new StopSignals(stop);
    }

    @Override
    public void close() {
        for (int i = 0; i < SIGNALS.size(); i++) {
            Signal.handle(new Signal(SIGNALS.get(i)), previous.get(i));
        }
    }
}
