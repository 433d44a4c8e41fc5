package org.percuss.controller.record;

import org.percuss.controller.loop.LoopState;

/**
 * Something the control loop told its listener during a tick, as recorded or as a replay hears it.
 *
 * @param kind which of the listener's calls
 * @param from for a state change, the state left; {@code null} otherwise
 * @param to for a state change, the state entered; {@code null} otherwise
 * @param text why the state changed, the warning, or the safety event
 */
public record Message(Kind kind, LoopState from, LoopState to, String text) {

    /** The listener's calls. */
    public enum Kind {
        /** {@code stateChanged}. */
        STATE,
        /** {@code warning}. */
        WARNING,
        /** {@code safetyEvent}: a derate began or ended, or a trip. */
        SAFETY
    }

    /** The message as the scenario runner logs it: {@code FAULT: over temperature: …}, {@code warning: …}. */
    @Override
    public String toString() {
        return switch (kind) {
            case STATE -> to.name() + (text.isEmpty() ? "" : ": " + text);
            case WARNING -> "warning: " + text;
            case SAFETY -> text;
        };
    }
}
