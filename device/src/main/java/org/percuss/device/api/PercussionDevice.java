package org.percuss.device.api;

/**
 * A percussion massage gun as the controller drives it: command a target speed or a stop, read
 * the latest telemetry, know its capabilities, close it.
 *
 * <p>Implementations: the simulated gun (simulator module), a board on a serial link, a Raspberry
 * Pi rig. An open device has already received its first telemetry, so {@link #telemetry()} is
 * never empty. Calls come from the control loop's single thread; {@link #stop()} and
 * {@link #close()} may also come from a shutdown path and must be safe then.
 *
 * <p>The device enforces its own limits too (it refuses speeds outside its range and stops on its
 * own faults), but the controller never relies on that: it only ever commands 0 or a speed inside
 * {@link Capabilities#minPpm()}..{@link Capabilities#maxPpm()}.
 */
public interface PercussionDevice extends AutoCloseable {

    /** A short name for messages, such as {@code "simulator"} or {@code "serial:/dev/ttyUSB0"}. */
    String name();

    /** What this device can do. */
    Capabilities capabilities();

    /**
     * Commands a target speed in percussions per minute; 0 stops the motor. Called every control
     * tick, which also keeps the device's watchdog fed.
     *
     * @return the speed actually commanded: {@code targetPpm}, or 0 when the device holds a stop of
     *         its own (a fault or emergency-stop report it acted on before the controller did, a
     *         refusal). The controller shows and records this value, never one that was not sent.
     * @throws DeviceException when the link to the device has failed
     */
    int commandSpeed(int targetPpm);

    /** Stops the motor at once. Never throws; a failed link has stopped the motor already. */
    void stop();

    /** The latest telemetry received. */
    Telemetry telemetry();

    /**
     * Asks the device to clear its latched faults, and returns at once: the answer comes later, in
     * {@link #clearStatus()} (PENDING until then). A new request replaces one still pending.
     *
     * @throws DeviceException when the link to the device has failed
     */
    void requestClearFaults();

    /**
     * The answer to the latest {@link #requestClearFaults()}. CLEARED only once a report measured
     * after the clear has arrived, so the telemetry in hand no longer shows the faults just cleared.
     */
    ClearStatus clearStatus();

    /**
     * What the device knows of its latched faults beyond their names, for messages: which of its
     * sensors stopped answering, say ("INA219 at 0x40 on bus 1: no answer"). Empty when it knows
     * nothing more, as a board on the wire does.
     */
    default String faultDetail() {
        return "";
    }

    /** Stops the motor and releases the device. Idempotent. */
    @Override
    void close();
}
