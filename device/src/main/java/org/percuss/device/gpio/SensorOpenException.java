package org.percuss.device.gpio;

import org.percuss.device.api.DeviceException;

/**
 * A configured sensor was not there when the rig opened, or not what the config says: no answer
 * at its address, a chip of another kind, a 1-wire id not on the bus. The message names the
 * sensor: "gpio: INA219 at 0x40 on bus 1: no answer". The motor never moved.
 */
public final class SensorOpenException extends DeviceException {

    SensorOpenException(String sensorAndProblem) {
        super("gpio: " + sensorAndProblem);
    }
}
