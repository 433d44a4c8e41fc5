package org.percuss.device.serial;

/**
 * A serial port found on this machine.
 *
 * @param path the device path to give {@code --device serial:PATH}
 * @param description what the system says it is
 */
public record PortInfo(String path, String description) {
}
