package org.percuss.controller.record;

/**
 * A file that cannot be replayed: not a recording, a newer format, a truncated or damaged header,
 * or damage in the middle. The message is one line saying what is wrong, ready to print after the
 * file's name.
 */
public final class BadRecording extends Exception {

    public BadRecording(String message) {
        super(message);
    }
}
