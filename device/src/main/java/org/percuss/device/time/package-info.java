/**
 * The time sources every time-dependent class takes in its constructor: the monotonic
 * {@link org.percuss.device.time.Ticker} and the calendar {@link org.percuss.device.time.EpochClock}.
 * No class outside this package reads {@code System.nanoTime()}, {@code System.currentTimeMillis()}
 * or {@code Instant.now()}.
 */
package org.percuss.device.time;
