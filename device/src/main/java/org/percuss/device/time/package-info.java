/**
 * The monotonic time source that every time-dependent class takes in its constructor. No class
 * outside this package reads {@code System.nanoTime()} or {@code Instant.now()}.
 */
package org.percuss.device.time;
