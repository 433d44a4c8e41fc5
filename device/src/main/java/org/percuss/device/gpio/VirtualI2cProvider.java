package org.percuss.device.gpio;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;

/**
 * Pi4J's mock I2C with register-file semantics, for the {@link VirtualPi}: the mock plugin's
 * {@link MockI2C} keeps a queue per register (a read takes the value away), which suits a test
 * that scripts one transfer, not a chip that is read every 20 ms. This provider makes
 * {@link MockI2C}s whose register reads and writes go to the {@link I2cRegisters} attached to a
 * {@link VirtualI2c} at their bus and address, and fail as the kernel's driver does (an exception)
 * when no chip answers there.
 */
final class VirtualI2cProvider extends I2CProviderBase {

    private final VirtualI2c buses;

    VirtualI2cProvider(VirtualI2c buses) {
        super("percuss-virtual-i2c", "percuss virtual I2C");
        this.buses = buses;
    }

    @Override
    public int getPriority() {
        return 1000;
    }

    @Override
    public I2C create(I2CConfig config) {
        Chip chip = new Chip(this, config, buses.chip(config.bus(), config.device()));
        context.registry().add(chip);
        return chip;
    }

    /** One chip as Pi4J's I2C device; {@code registers} null for an address nothing answers at. */
    private static final class Chip extends MockI2C {
        private final I2cRegisters registers;

        Chip(I2CProvider provider, I2CConfig config, I2cRegisters registers) {
            super(provider, config);
            this.registers = registers;
        }

        private IOException noAnswer() {
            return new IOException("Remote I/O error: no answer at 0x" + Integer.toHexString(config.device()) + " on bus "
                    + config.bus());
        }

        @Override
        public int readRegister(int register) {
            byte[] one = new byte[1];
            if (registers == null || !registers.read(register, one, 0, 1)) {
                throw noAnswer();
            }
            return one[0] & 0xFF;
        }

        @Override
        public int readRegister(int register, byte[] buffer, int offset, int length) {
            if (registers == null || !registers.read(register, buffer, offset, length)) {
                throw noAnswer();
            }
            return length;
        }

        @Override
        public int writeRegister(int register, byte b) {
            if (registers == null || !registers.write(register, new byte[] {b}, 0, 1)) {
                throw noAnswer();
            }
            return 1;
        }

        @Override
        public int writeRegister(int register, byte[] data, int offset, int length) {
            if (registers == null || !registers.write(register, data, offset, length)) {
                throw noAnswer();
            }
            return length;
        }
    }
}
