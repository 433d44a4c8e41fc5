package org.percuss.device.gpio;

/**
 * What the rig's sensors measured at the latest sample, and what they need to know of the motor.
 * One mutable instance per rig, written by the sensors on the sampler's thread under the device's
 * lock; nothing allocated.
 */
final class Readings {

    /** The supply current, amperes (the INA219 sits between the battery and the driver). */
    double supplyAmps;
    /** The supply voltage, volts. */
    double supplyVolts;
    /** The motor's temperature, °C. */
    double temperatureCelsius;
    /** Whether the gun is being moved across the body. */
    boolean moving;
    /** Whether the motor is commanded to turn now (a stuck current reading is judged only then). */
    boolean motorRunning;
}
