package org.percuss.simulator.board;

import java.util.Locale;

/**
 * How the controller reaches the simulated gun in a simulation: which real driver is between them.
 * The same scenario runs through each, so the one safety core is proven on every transport.
 */
public enum Transport {
    /** The simulated board through the device API in process ({@link SimulatedDevice}): today's fastest path. */
    DIRECT,
    /**
     * The real serial driver ({@code SerialDevice}) speaking PROTOCOL.md over a simulated
     * 115200-baud wire to the simulated board's side of the protocol; link faults act on the bytes.
     */
    SERIAL,
    /** The real Raspberry Pi driver ({@code GpioDevice}) on Pi4J's mock pins, driving the motor physics. */
    GPIO;

    /** The name on the command line and in scenario files: {@code serial}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
