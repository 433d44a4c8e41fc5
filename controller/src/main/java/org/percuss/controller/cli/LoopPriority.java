package org.percuss.controller.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.percuss.device.os.RealTimePriority;

/**
 * {@code --realtime-priority} for the thread about to run a control loop ({@code run},
 * {@code bench-loop}): raised as asked, or, where Linux refuses, one line saying why and the loop
 * at normal priority. The one place that words it.
 */
final class LoopPriority {

    private LoopPriority() {
    }

    /**
     * Raises the current thread to {@code asked}.
     *
     * @return the priority the thread now has: {@code asked}, or {@link RealTimePriority#NORMAL} when refused
     */
    static RealTimePriority raise(RealTimePriority asked, PrintWriter err) {
        Optional<String> refused = asked.applyToCurrentThread();
        if (refused.isEmpty()) {
            return asked;
        }
        err.println("percuss: " + refused.get() + "; the control loop runs at normal priority");
        err.flush();
        return RealTimePriority.NORMAL;
    }
}
