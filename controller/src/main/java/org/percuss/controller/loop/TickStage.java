package org.percuss.controller.loop;

/**
 * The stages of one control tick, in their fixed order (DESIGN.md): read the telemetry, let the
 * safety supervisor judge it, step the state machine, compute the speed profile, command the
 * device. A {@link StageObserver} hears each end, so a benchmark can time them.
 */
public enum TickStage {
    READ, SUPERVISE, STEP, PROFILE, COMMAND;

    /** Hears the end of every stage of every tick; must not allocate or block. */
    @FunctionalInterface
    public interface StageObserver {

        /** Hears nothing (the default). */
        StageObserver NONE = stage -> { };

        /** {@code stage} of the tick under way has just ended. */
        void ended(TickStage stage);
    }
}
