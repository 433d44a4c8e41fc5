/**
 * The device API the controller drives: {@link org.percuss.device.api.PercussionDevice} and the
 * immutable values it speaks in. Units are part of every name ({@code measuredPpm},
 * {@code currentAmps}, {@code temperatureCelsius}, {@code supplyVolts}).
 */
package org.percuss.device.api;
