package org.percuss.device.gpio;

import com.pi4j.io.i2c.I2C;

/**
 * One chip on an I2C bus, through Pi4J: 8- and 16-bit registers (16-bit ones most significant byte
 * first, as the INA219, the ADS1115 and the MPU-6050 all send them) and block reads. Any failure
 * of the bus — an exception from the kernel's driver, a short or negative count — is a
 * {@link SensorProblem} "no answer". Not thread-safe; allocates nothing.
 */
final class I2cChip {

    private final I2C i2c;
    private final byte[] word = new byte[2];

    I2cChip(I2C i2c) {
        this.i2c = i2c;
    }

    /** The unsigned 16-bit register {@code register}. */
    int readWord(int register) throws SensorProblem {
        read(register, word);
        return (word[0] & 0xFF) << 8 | word[1] & 0xFF;
    }

    /** The 8-bit register {@code register}. */
    int readByte(int register) throws SensorProblem {
        try {
            int v = i2c.readRegister(register);
            if (v < 0) {
                throw new SensorProblem("no answer");
            }
            return v & 0xFF;
        } catch (RuntimeException e) {
            throw new SensorProblem("no answer");
        }
    }

    /** {@code into.length} bytes from {@code register} on (the chip's auto-increment). */
    void read(int register, byte[] into) throws SensorProblem {
        int n;
        try {
            n = i2c.readRegister(register, into, 0, into.length);
        } catch (RuntimeException e) {
            throw new SensorProblem("no answer");
        }
        if (n != into.length) {
            throw new SensorProblem("no answer");
        }
    }

    /**
     * Checks that {@code register} holds the configuration {@code value} just written (in the bits
     * of {@code mask}): a chip that does not is not the {@code chipName} it was taken for.
     */
    void expectKept(int register, int value, int mask, String chipName) throws SensorProblem {
        int back = readWord(register);
        if ((back & mask) != value) {
            throw new SensorProblem(String.format("does not keep its configuration (wrote 0x%04x, read 0x%04x): not an %s?",
                    value, back, chipName));
        }
    }

    /** Writes the 16-bit register {@code register}. */
    void writeWord(int register, int value) throws SensorProblem {
        word[0] = (byte) (value >> 8);
        word[1] = (byte) value;
        int n;
        try {
            n = i2c.writeRegister(register, word, 0, 2);
        } catch (RuntimeException e) {
            throw new SensorProblem("no answer");
        }
        if (n < 0) {
            throw new SensorProblem("no answer");
        }
    }

    /** Writes the 8-bit register {@code register}. */
    void writeByte(int register, int value) throws SensorProblem {
        int n;
        try {
            n = i2c.writeRegister(register, (byte) value);
        } catch (RuntimeException e) {
            throw new SensorProblem("no answer");
        }
        if (n < 0) {
            throw new SensorProblem("no answer");
        }
    }
}
