package org.percuss.simulator.scenario;

import org.percuss.simulator.physics.PhysicsParameters;

/**
 * The simulated gun a scenario runs on, and how the user holds it at the start.
 *
 * @param physics motor, load, battery and room
 * @param pressureNewtons how hard the gun is pressed against the body at the start
 * @param moving whether it is moved across the body at the start
 */
public record GunSettings(PhysicsParameters physics, double pressureNewtons, boolean moving) {

    /** The default gun, pressed with its own weight (10 N), moving. */
    public static final GunSettings DEFAULT = new GunSettings(PhysicsParameters.DEFAULT, 10, true);
}
