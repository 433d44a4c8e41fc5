package org.percuss.simulator.physics;

/**
 * Everything that sets up a simulated gun's physics: the motor, the contact load, the battery and
 * the surroundings.
 *
 * @param motor the motor's constants
 * @param contact how pressure loads the mechanism
 * @param ambientCelsius the room's temperature, which is also the gun's at the start
 * @param stateOfCharge the battery's charge at the start, 0..1
 * @param batteryInternalOhms the pack's internal resistance
 */
public record PhysicsParameters(MotorParameters motor, ContactLoad contact, double ambientCelsius, double stateOfCharge,
                                double batteryInternalOhms) {

    /** The massage-gun defaults: a 320 rpm/V motor, a 90 % charged 4S pack, a 25 °C room. */
    public static final PhysicsParameters DEFAULT = new PhysicsParameters(MotorParameters.MASSAGE_GUN,
            ContactLoad.MASSAGE_GUN, 25, 0.9, Battery.INTERNAL_OHMS);

    public PhysicsParameters {
        if (stateOfCharge < 0 || stateOfCharge > 1) {
            throw new IllegalArgumentException("state of charge must be 0..1, got " + stateOfCharge);
        }
        if (ambientCelsius < -40 || ambientCelsius > 60) {
            throw new IllegalArgumentException("ambient temperature must be -40..60 °C, got " + ambientCelsius);
        }
        if (!(batteryInternalOhms > 0)) {
            throw new IllegalArgumentException("battery internal resistance must be positive, got " + batteryInternalOhms);
        }
    }

    public PhysicsParameters withAmbient(double celsius) {
        return new PhysicsParameters(motor, contact, celsius, stateOfCharge, batteryInternalOhms);
    }

    public PhysicsParameters withStateOfCharge(double soc) {
        return new PhysicsParameters(motor, contact, ambientCelsius, soc, batteryInternalOhms);
    }
}
