package org.percuss.device.gpio;

import com.pi4j.boardinfo.util.PwmChipUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a Raspberry Pi shows what the rig needs, under one root ({@code /} on a Pi): the GPIO
 * character device, the PWM chips, the I2C buses, the 1-wire devices, the board's model, the boot
 * configuration, the groups. One owner of these paths for the rig that opens them and
 * {@code percuss doctor} that checks them; tests point both at a fake tree in a temporary
 * directory.
 *
 * @param root what stands for {@code /}
 */
public record PiPaths(Path root) {

    /** This machine's. */
    public static final PiPaths SYSTEM = new PiPaths(Path.of("/"));

    /** The address of the RP1's PWM0 in a Pi 5's device tree, in its pwmchip link (Pi4J's way of finding it). */
    static final String RP1_PWM = "1f00098000";

    /** The GPIO character device of the Pi's 40-pin header. */
    public Path gpioChip() {
        return root.resolve("dev/gpiochip0");
    }

    /** Where the kernel shows hardware PWM chips once the overlay is loaded. */
    public Path pwmClass() {
        return root.resolve("sys/class/pwm");
    }

    /** The PWM chip {@code n}. */
    public Path pwmChip(int n) {
        return pwmClass().resolve("pwmchip" + n);
    }

    /** The I2C bus {@code bus}'s device node. */
    public Path i2cBus(int bus) {
        return root.resolve("dev/i2c-" + bus);
    }

    /** Where the kernel's 1-wire driver shows its devices. */
    public Path oneWireDevices() {
        return root.resolve("sys/bus/w1/devices");
    }

    /** The board's model, as the device tree has it. */
    public Path model() {
        return root.resolve("proc/device-tree/model");
    }

    /** The firmware's boot configuration, where overlays are switched on. */
    public Path bootConfig() {
        return root.resolve("boot/firmware/config.txt");
    }

    /** The groups of the machine. */
    public Path groups() {
        return root.resolve("etc/group");
    }

    /** This process's status: its uid and its groups. */
    public Path processStatus() {
        return root.resolve("proc/self/status");
    }

    /** The board's model ("Raspberry Pi 5 Model B Rev 1.0"), or empty when this is no board with a device tree. */
    public Optional<String> modelName() {
        try {
            return Optional.of(new String(Files.readAllBytes(model()), StandardCharsets.UTF_8).replace("\0", "").strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the board's GPIO and PWM are on an RP1 (the Pi 5 family: Pi 5, Pi 500, Compute Module 5). */
    public boolean usesRp1() {
        String m = modelName().orElse("");
        return m.contains("Raspberry Pi 5") || m.contains("Raspberry Pi 500") || m.contains("Compute Module 5");
    }

    /**
     * The PWM chip with GPIO18's hardware PWM: pwmchip0 up to the Pi 4; on an RP1 the chip whose
     * link names the RP1's PWM0 (its number moved between kernels, Pi4J issue #473), pwmchip2 when
     * none does yet.
     */
    public int pwmChipNumber() {
        return usesRp1() ? PwmChipUtil.getPWMChipForRP1(pwmClass().toString()) : PwmChipUtil.DEFAULT_LEGACY_PWM_CHIP;
    }
}
