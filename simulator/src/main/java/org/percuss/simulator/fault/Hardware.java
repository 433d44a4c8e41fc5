package org.percuss.simulator.fault;

import java.time.Duration;
import org.percuss.device.api.Input;
import org.percuss.simulator.physics.GunPlant;
import org.percuss.simulator.physics.Sensors;

/**
 * What injected faults act on, whatever drives the motor: the gun's physics, its sensors, its
 * inputs, and a reset of whatever runs the firmware. The simulated board and the simulated
 * Raspberry Pi rig both are this.
 */
public interface Hardware {

    /** How long a brown-out keeps a board silent, unless an injection says otherwise. */
    Duration RESET_TIME = Duration.ofMillis(300);

    /** The physical gun. */
    GunPlant plant();

    /** Its sensors. */
    Sensors sensors();

    /** An input as a user or the wiring would set it: a button, the e-stop, the motion sensor. */
    void setInput(Input input, boolean active);

    /**
     * A brown-out: the controller of the motor resets and is silent for {@code resetTime}.
     *
     * @throws UnsupportedOperationException where there is no separate controller to reset
     */
    void reset(Duration resetTime);
}
