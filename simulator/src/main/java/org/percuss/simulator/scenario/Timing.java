package org.percuss.simulator.scenario;

import java.time.Duration;

/** When an expectation is checked. */
public sealed interface Timing {

    /** On the first tick at or after {@code time}. */
    record At(Duration time) implements Timing {
    }

    /** On any tick from {@code from} to {@code from + window}: it passes on the first tick it holds. */
    record Within(Duration from, Duration window, String anchor) implements Timing {
    }

    /** On the last tick of the run. */
    record AtEnd() implements Timing {
    }
}
