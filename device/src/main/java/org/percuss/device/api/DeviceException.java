package org.percuss.device.api;

/**
 * The device cannot be reached or used: a port that does not open, a board that does not answer,
 * a link that was cut. The message names the device (for example the port) and what went wrong,
 * in words a user can act on.
 */
public class DeviceException extends RuntimeException {

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
