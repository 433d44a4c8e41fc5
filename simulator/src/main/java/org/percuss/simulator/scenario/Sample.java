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
 * @param runningNanos the session's running time so far
 * @param uptimeMillis the device's uptime in the telemetry of this tick
 * @param tripConditionPresent whether some safety rule sees its trip condition in this tick's telemetry (a scenario
 *        asks the rules only on a start, the one tick the invariants look at it: false on any other)
 */
public record Sample(long nanos, String state, int level, int targetPpm, int commandedPpm, int measuredPpm,
                     double currentAmps, double temperatureCelsius, double supplyVolts, int deviceFaultBits,
                     int latchedFaultBits, int derateLevel, long runningNanos, long uptimeMillis,
                     boolean tripConditionPresent) {

    /** A sample without the running time, the uptime or the rules' view (for checks that need none). */
    public Sample(long nanos, String state, int level, int targetPpm, int commandedPpm, int measuredPpm,
                  double currentAmps, double temperatureCelsius, double supplyVolts, int deviceFaultBits,
                  int latchedFaultBits, int derateLevel) {
        this(nanos, state, level, targetPpm, commandedPpm, measuredPpm, currentAmps, temperatureCelsius, supplyVolts,
                deviceFaultBits, latchedFaultBits, derateLevel, 0, 0, false);
    }

    /** Seconds since the scenario started. */
    public double seconds() {
        return nanos / 1e9;
    }

    /** Faults the device reports or the controller has latched. */
    public int faultBits() {
        return deviceFaultBits | latchedFaultBits;
    }
}
