package org.percuss.controller.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Which device to drive, as given to {@code --device}: {@code sim} (the built-in simulator),
 * {@code serial:PATH[@BAUD]} (a board on a serial port, 115200 baud unless given) or {@code gpio}
 * (a Raspberry Pi rig wired as the config's {@code gpio} section says).
 *
 * @param kind simulator, serial or gpio
 * @param path the serial port's path; empty for the simulator
 * @param baud the serial baud rate; 0 for the simulator
 */
public record DeviceSpec(Kind kind, String path, int baud) {

    /** The kinds of device. */
    public enum Kind {
        /** The built-in simulator. */
        SIM,
        /** A board on a serial port. */
        SERIAL,
        /** A Raspberry Pi rig on this machine's pins. */
        GPIO
    }

    /** The default baud rate of PROTOCOL.md. */
    public static final int DEFAULT_BAUD = 115200;

    /** The built-in simulator. */
    public static final DeviceSpec SIM = new DeviceSpec(Kind.SIM, "", 0);

    /** The Raspberry Pi rig. */
    public static final DeviceSpec GPIO = new DeviceSpec(Kind.GPIO, "", 0);

    /** A short name for messages: {@code sim}, {@code serial:/dev/ttyUSB0} or {@code gpio}. */
    public String label() {
        return switch (kind) {
            case SIM -> "sim";
            case SERIAL -> "serial:" + path;
            case GPIO -> "gpio";
        };
    }

    /** Reads a {@code --device} value. */
    public static final class Converter implements ITypeConverter<DeviceSpec> {
        @Override
        public DeviceSpec convert(String value) {
            return parse(value);
        }
    }

    /**
     * The device {@code text} names.
     *
     * @throws TypeConversionException when it names none, saying what is accepted
     */
    public static DeviceSpec parse(String text) {
        if (text.equals("sim")) {
            return SIM;
        }
        if (text.equals("gpio")) {
            return GPIO;
        }
        if (text.startsWith("serial:")) {
            String rest = text.substring("serial:".length());
            int baud = DEFAULT_BAUD;
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                String b = rest.substring(at + 1);
                try {
                    baud = Integer.parseInt(b);
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + b + "' is not a baud rate in '" + text + "'");
                }
                if (baud < 1200 || baud > 4_000_000) {
                    throw new TypeConversionException("baud rate " + baud + " is outside 1200..4000000");
                }
                rest = rest.substring(0, at);
            }
            if (rest.isEmpty()) {
                throw new TypeConversionException("'" + text + "' names no port; write serial:/dev/ttyUSB0");
            }
            return new DeviceSpec(Kind.SERIAL, rest, baud);
        }
        throw new TypeConversionException("'" + text + "' is not a device; use sim, serial:PATH[@BAUD] or gpio");
    }
}
