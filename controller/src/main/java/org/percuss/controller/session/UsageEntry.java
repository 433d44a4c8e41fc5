package org.percuss.controller.session;

/**
 * One line of the usage ledger: a piece of running time given to a zone, ending at a moment.
 *
 * @param session the session it belongs to
 * @param zone the zone's name
 * @param endEpochMillis when the piece ended, on the session's clock, ms since the epoch
 * @param runningMillis how much running time, milliseconds
 */
public record UsageEntry(String session, String zone, long endEpochMillis, long runningMillis) {
}
