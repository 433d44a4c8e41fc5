package org.percuss.device.gpio;

/**
 * The registers of one chip on the {@link VirtualPi}'s I2C bus, as the chip's side sees them: the
 * rig reads and writes them through Pi4J, a chip model (the simulator's INA219, MPU-6050,
 * ADS1115) fills them from its physics and reads what the rig configured. A register file, not a
 * queue: a read leaves the value, a write replaces it. Registers are 8 bits wide (a read of n bytes
 * runs on through the next registers, as the MPU-6050's do) or 16 bits (the INA219's and the
 * ADS1115's, most significant byte first). A chip that is not {@linkplain #setAnswering answering}
 * fails every transfer as a chip that is gone, or hung, does. Thread-safe.
 */
public final class I2cRegisters {

    private final int width;
    private final byte[] bytes;
    private boolean answering = true;
    private long transfers;

    /** @param width bytes per register, 1 or 2 */
    I2cRegisters(int width) {
        if (width != 1 && width != 2) {
            throw new IllegalArgumentException("a register is 1 or 2 bytes wide, got " + width);
        }
        this.width = width;
        this.bytes = new byte[256 * width];
    }

    /** Bytes per register. */
    public int width() {
        return width;
    }

    /** The 16-bit register {@code register} (for an 8-bit chip, it and the next one). */
    public synchronized int word(int register) {
        int at = register * width;
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    /** Sets the 16-bit register {@code register} (for an 8-bit chip, it and the next one). */
    public synchronized void setWord(int register, int value) {
        int at = register * width;
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }

    /** The 8-bit register {@code register} (the high byte of a 16-bit one). */
    public synchronized int byteAt(int register) {
        return bytes[register * width] & 0xFF;
    }

    /** Sets the 8-bit register {@code register}. */
    public synchronized void setByte(int register, int value) {
        bytes[register * width] = (byte) value;
    }

    /** Whether the chip answers on the bus; one that does not fails every read and write. */
    public synchronized void setAnswering(boolean answering) {
        this.answering = answering;
    }

    public synchronized boolean answering() {
        return answering;
    }

    /** How many reads and writes the rig has made of this chip. */
    public synchronized long transfers() {
        return transfers;
    }

    /** The rig reads {@code length} bytes from {@code register} on; false when the chip does not answer. */
    synchronized boolean read(int register, byte[] into, int offset, int length) {
        transfers++;
        if (!answering) {
            return false;
        }
        int at = register * width;
        for (int i = 0; i < length; i++) {
            into[offset + i] = bytes[(at + i) % bytes.length];
        }
        return true;
    }

    /** The rig writes {@code length} bytes to {@code register} on; false when the chip does not answer. */
    synchronized boolean write(int register, byte[] data, int offset, int length) {
        transfers++;
        if (!answering) {
            return false;
        }
        int at = register * width;
        for (int i = 0; i < length; i++) {
            bytes[(at + i) % bytes.length] = data[offset + i];
        }
        return true;
    }
}
