package org.percuss.simulator.scenario;

/**
 * What a scenario observes on one control tick: the controller's state and commands and the
 * device's telemetry, in the units of the trace.
 *
 * @param nanos time since the scenario started
 * @param state the controller's state, by name (such as {@code RAMPING})
 * @param level the level the user selected
 * @param targetPpm where the speed profile is heading
 * @param commandedPpm what the controller commanded this tick
 * @param measuredPpm what the device measured
 * @param currentAmps motor current
 * @param temperatureCelsius winding temperature
 * @param supplyVolts supply voltage
 * @param deviceFaultBits faults the device reports ({@code FaultSet} bits)
 * @param latchedFaultBits faults the controller has latched ({@code FaultSet} bits)
 * @param derateLevel the level a safety rule holds the speed to, or 0
 */
public record Sample(long nanos, String state, int level, int targetPpm, int commandedPpm, int measuredPpm,
                     double currentAmps, double temperatureCelsius, double supplyVolts, int deviceFaultBits,
                     int latchedFaultBits, int derateLevel) {

    /** Seconds since the scenario started. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** Faults the device reports or the controller has latched. */
    public int faultBits() {
        return deviceFaultBits | latchedFaultBits;
    }
}
