package org.percuss.controller.live;

/**
 * The answer to a request at the live controls: passed to the loop (which takes it on its next
 * tick), refused by a rule of the session (with the reason), or not a valid request.
 *
 * @param kind which of those
 * @param message what happened or why not, in words
 * @param takenByTick for a request passed on, the control tick that takes it at the latest (the
 *                    loop reads requests at the start of a tick); 0 otherwise
 */
public record Outcome(Kind kind, String message, long takenByTick) {

    /** The kinds of answer. */
    public enum Kind {
        /** Passed to the loop, or nothing needed doing. */
        DONE,
        /** Refused by a rule of the session; the message says which. */
        REFUSED,
        /** Not a request the controls understand (a level that does not exist). */
        INVALID
    }

    static Outcome done(String message, long takenByTick) {
        return new Outcome(Kind.DONE, message, takenByTick);
    }

    static Outcome refused(String message) {
        return new Outcome(Kind.REFUSED, message, 0);
    }

    static Outcome invalid(String message) {
        return new Outcome(Kind.INVALID, message, 0);
    }

    /** Whether the request was passed on (or needed nothing). */
    public boolean ok() {
        return kind == Kind.DONE;
    }
}
