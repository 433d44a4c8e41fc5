package org.percuss.device.gpio;

import java.nio.file.Path;

/**
 * Where a Raspberry Pi shows what the rig needs, under its {@code /dev} and {@code /sys}: the GPIO
 * character device, the PWM chips, the I2C buses and the 1-wire devices, and the board's model.
 * One owner of these paths for the rig that opens them and {@code percuss doctor} that checks
 * them; tests point both at a fake tree in a temporary directory.
 *
 * @param dev what stands for {@code /dev}
 * @param sys what stands for {@code /sys}
 * @param proc what stands for {@code /proc}
 */
public record PiPaths(Path dev, Path sys, Path proc) {

    /** This machine's. */
    public static final PiPaths SYSTEM = new PiPaths(Path.of("/dev"), Path.of("/sys"), Path.of("/proc"));

    /** The GPIO character device of the Pi's 40-pin header (gpiochip0; on a Pi 5 also reachable as gpiochip4 on older kernels). */
    public Path gpioChip() {
        return dev.resolve("gpiochip0");
    }

    /** Where the kernel shows hardware PWM chips once the overlay is loaded. */
    public Path pwmClass() {
        return sys.resolve("class/pwm");
    }

    /** The PWM chip {@code n}. */
    public Path pwmChip(int n) {
        return pwmClass().resolve("pwmchip" + n);
    }

    /** The I2C bus {@code bus}'s device node. */
    public Path i2cBus(int bus) {
        return dev.resolve("i2c-" + bus);
    }

    /** Where the kernel's 1-wire driver shows its devices. */
    public Path oneWireDevices() {
        return sys.resolve("bus/w1/devices");
    }

    /** The board's model string, as the device tree has it ("Raspberry Pi 5 Model B Rev 1.0"). */
    public Path model() {
        return proc.resolve("device-tree/model");
    }
}
