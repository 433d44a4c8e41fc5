package org.percuss.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.percuss.device.api.DeviceException;
import org.percuss.device.time.Scheduler;

/**
 * Opens a {@link GpioDevice} on the Raspberry Pi this runs on: checks that the GPIO character
 * device and the hardware PWM are there (saying what to do when they are not), builds a Pi4J
 * context with exactly the providers it needs, registered by hand rather than found on the
 * classpath (gpiod for the pins, linuxfs for the PWM, on the PWM chip Pi4J names for this board:
 * pwmchip0 up to the Pi 4, the RP1's on a Pi 5), claims the pins and samples on the wall clock's scheduler. Every failure
 * is a {@link DeviceException} whose message names what is missing; the motor never moves.
 */
public final class PiGpio {

    /** The GPIO character device of the Pi's header. */
    static final Path GPIO_CHIP = Path.of("/dev/gpiochip0");
    /** Where the kernel shows hardware PWM chips once the overlay is loaded. */
    static final Path PWM_CLASS = Path.of("/sys/class/pwm");

    private PiGpio() {
    }

    /**
     * Opens the rig {@code rig} on this machine's pins.
     *
     * @throws DeviceException when this is not a Pi with GPIO and hardware PWM, or a pin cannot be claimed
     */
    public static GpioDevice open(GpioRig rig, Scheduler scheduler) {
        if (!Files.exists(GPIO_CHIP)) {
            throw noGpio(GPIO_CHIP);
        }
        // only on a machine with GPIO: elsewhere Pi4J's board detection logs errors of its own
        int chip;
        try {
            chip = BoardInfoHelper.getPwmChipAddress();
        } catch (RuntimeException | LinkageError e) {
            throw new DeviceException("gpio: cannot tell which board this is: " + rootCause(e), e);
        }
        return open(rig, scheduler, GPIO_CHIP, PWM_CLASS.resolve("pwmchip" + chip), chip);
    }

    static GpioDevice open(GpioRig rig, Scheduler scheduler, Path gpioChip, Path pwmChip, int chip) {
        if (!Files.exists(gpioChip)) {
            throw noGpio(gpioChip);
        }
        if (!Files.isDirectory(pwmChip)) {
            throw new DeviceException("gpio: no hardware PWM (" + pwmChip + " is missing); add 'dtoverlay=pwm,pin=18,func=2' "
                    + "to /boot/firmware/config.txt and reboot (docs/raspberry-pi.md)");
        }
        Context pi4j;
        try {
            pi4j = Pi4J.newContextBuilder().add(LinuxFsPwmProvider.newInstance(chip), GpioDDigitalInputProvider.newInstance(),
                    GpioDDigitalOutputProvider.newInstance()).build();
        } catch (RuntimeException | LinkageError e) {
            throw new DeviceException("gpio: Pi4J could not start: " + rootCause(e), e);
        }
        try {
            return new GpioDevice(pi4j, rig, scheduler);
        } catch (RuntimeException | LinkageError e) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException ignored) {
                // the first failure is the one to report
            }
            throw new DeviceException("gpio: cannot claim the rig's pins (PWM channel " + rig.pwmChannel() + ", tachometer GPIO"
                    + rig.tachPin() + ", emergency stop GPIO" + rig.emergencyStopPin() + "): " + rootCause(e), e);
        }
    }

    private static DeviceException noGpio(Path gpioChip) {
        return new DeviceException("gpio: this machine has no GPIO (" + gpioChip + " is missing); --device gpio "
                + "runs on a Raspberry Pi wired as in docs/raspberry-pi.md");
    }

    /** Pi4J wraps the reason ("Failed to initialize IO percuss-pwm"): the innermost message says what is wrong. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !sb.toString().contains(t.getMessage())) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }
}
