package org.percuss.device.gpio;

/**
 * What the rig's sensors measured at the latest sample, and what they need to know of the motor.
 * One mutable instance per rig, written by the sensors on the sampler's thread under the device's
 * lock; nothing allocated.
 */
final class Readings {

    /** Below this share of full duty the supply current is not divided by the duty. */
    static final double MIN_DIVIDING_DUTY = 0.05;

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

    /**
     * The motor's current, amperes, from the supply current read at {@code duty} (0..1). The INA219
     * sits in the supply line, so it measures the battery's current; a PWM driver draws
     * {@code I_supply = duty × I_motor} from the battery (power in equalling power out), and the
     * safety rules' limits are for the winding current. Below 5 % duty the supply current is
     * reported as it is (dividing by almost nothing would only amplify the noise).
     */
    double motorAmps(double duty) {
        return duty >= MIN_DIVIDING_DUTY ? supplyAmps / duty : supplyAmps;
    }
}
