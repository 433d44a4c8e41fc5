package org.percuss.device.api;

/**
 * One report of the device's state, as the host received it. Immutable; the device replaces it
 * with a new one on every report, so the control tick can read it without copying.
 *
 * <p>Fields whose {@link Capability} the device lacks are 0 and must be ignored.
 *
 * @param receivedNanos when the host received it, on the host's {@code Ticker}
 * @param measuredPpm measured speed, percussions per minute
 * @param currentAmps motor current, amperes
 * @param temperatureCelsius winding or driver temperature, degrees Celsius
 * @param supplyVolts supply (battery) voltage, volts
 * @param inputs buttons, emergency-stop input and motion sensor
 * @param faults faults latched on the device
 * @param uptimeMillis the device's own uptime, milliseconds
 */
public record Telemetry(long receivedNanos, int measuredPpm, double currentAmps, double temperatureCelsius,
                        double supplyVolts, Inputs inputs, FaultSet faults, long uptimeMillis) {

    public Telemetry {
        if (inputs == null || faults == null) {
            throw new IllegalArgumentException("inputs and faults must not be null");
        }
    }
}
