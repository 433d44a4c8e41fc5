package org.percuss.controller.live;

/**
 * Something the loop said during the session: a state change with its reason, a warning (a start
 * or a clear refused, the session ending in a minute) or a safety event (a derate, a trip).
 *
 * @param atSeconds when, in session time
 * @param kind what kind
 * @param text what, in words
 */
public record Message(double atSeconds, Kind kind, String text) {

    /** The kinds of message. */
    public enum Kind {
        /** The loop changed state, for a reason. */
        STATE,
        /** Something the user should know. */
        WARNING,
        /** A safety rule derated or tripped. */
        SAFETY
    }
}
