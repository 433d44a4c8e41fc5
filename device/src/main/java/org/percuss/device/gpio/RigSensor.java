package org.percuss.device.gpio;

/**
 * One sensor of the rig, read by the sampler every sample period. A reading that cannot be had
 * (no answer, a value the sensor cannot mean, a value stuck too long) is a {@link SensorProblem};
 * {@link SensorBank} decides when that becomes a fault.
 */
interface RigSensor {

    /** The sensor's name for messages: "INA219 at 0x40 on bus 1". */
    String name();

    /** Reads the sensor at {@code nowNanos} into {@code readings}. */
    void read(long nowNanos, Readings readings) throws SensorProblem;
}
