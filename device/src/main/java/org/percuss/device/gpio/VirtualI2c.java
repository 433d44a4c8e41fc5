package org.percuss.device.gpio;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link VirtualPi}'s I2C buses: which chip answers at which address on which bus, each a set
 * of {@link I2cRegisters}. Chips are attached before the virtual Pi opens the rig (the rig asks an
 * MPU-6050 who it is while it opens); an address with no chip attached answers nothing.
 */
public final class VirtualI2c {

    private final Map<Long, I2cRegisters> chips = new HashMap<>();

    /**
     * Attaches a chip with {@code width}-byte registers (1 or 2) at {@code address} on {@code bus}.
     *
     * @return its registers, all 0 until set
     */
    public synchronized I2cRegisters attach(int bus, int address, int width) {
        I2cRegisters r = new I2cRegisters(width);
        if (chips.putIfAbsent(key(bus, address), r) != null) {
            throw new IllegalStateException("a chip is already attached at " + I2cBus.where(bus, address));
        }
        return r;
    }

    /** The chip at {@code address} on {@code bus}, or {@code null} when there is none. */
    public synchronized I2cRegisters chip(int bus, int address) {
        return chips.get(key(bus, address));
    }

    private static long key(int bus, int address) {
        return (long) bus << 8 | address;
    }
}
