package org.percuss.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.provider.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.percuss.device.api.DeviceException;
import org.percuss.device.time.Scheduler;

/**
 * Opens a {@link GpioDevice} on the Raspberry Pi this runs on: checks that the GPIO character
 * device, the hardware PWM and the sensors' buses are there (saying what to do when they are not),
 * builds a Pi4J context with exactly the providers it needs, registered by hand rather than found on
 * the classpath (gpiod for the pins, linuxfs for the PWM, on the chip {@link PiPaths#pwmChipNumber()}
 * names for this board, and linuxfs for I2C), claims the pins and samples
 * on the wall clock's scheduler. An ESC's pulses go through {@link SysfsPwm}; a DS18B20 is read on a
 * daemon thread of its own. Every failure is a {@link DeviceException} whose message names what is
 * missing; the motor never moves.
 */
public final class PiGpio {

    private PiGpio() {
    }

    /**
     * Opens the rig {@code rig} on this machine's pins.
     *
     * @throws DeviceException when this is not a Pi with GPIO and hardware PWM, a sensor does not
     *     answer, or a pin cannot be claimed
     */
    public static GpioDevice open(GpioRig rig, Scheduler scheduler) {
        PiPaths paths = PiPaths.SYSTEM;
        if (!Files.exists(paths.gpioChip())) {
            throw noGpio(paths);
        }
        return open(rig, scheduler, paths, paths.pwmChipNumber());
    }

    static GpioDevice open(GpioRig rig, Scheduler scheduler, PiPaths paths, int chip) {
        if (!Files.exists(paths.gpioChip())) {
            throw noGpio(paths);
        }
        if (!Files.isDirectory(paths.pwmChip(chip))) {
            throw new DeviceException("gpio: no hardware PWM (" + paths.pwmChip(chip) + " is missing); add "
                    + "'dtoverlay=pwm,pin=18,func=2' to /boot/firmware/config.txt and reboot (docs/raspberry-pi.md)");
        }
        RigSensors sensors = rig.sensors();
        for (int bus : i2cBuses(sensors)) {
            if (!Files.exists(paths.i2cBus(bus))) {
                throw new DeviceException("gpio: no I2C bus " + bus + " for the sensors (" + paths.i2cBus(bus) + " is missing); "
                        + "enable it with 'sudo raspi-config nonint do_i2c 0' (or dtparam=i2c_arm=on in config.txt) and reboot");
            }
        }
        if (sensors.temperature().orElse(null) instanceof TemperatureSense.Ds18b20 && !Files.isDirectory(paths.oneWireDevices())) {
            throw new DeviceException("gpio: no 1-wire bus (" + paths.oneWireDevices() + " is missing); add 'dtoverlay=w1-gpio,gpiopin="
                    + ((TemperatureSense.Ds18b20) sensors.temperature().get()).pin() + "' to /boot/firmware/config.txt and reboot");
        }
        ServoPulses escPulses = ServoPulses.NONE;
        if (rig.output().isEsc()) {
            try {
                escPulses = SysfsPwm.open(paths.pwmChip(chip), rig.pwmChannel());
            } catch (IOException e) {
                throw new DeviceException("gpio: cannot drive the ESC on PWM channel " + rig.pwmChannel() + " of "
                        + paths.pwmChip(chip) + ": " + e.getMessage(), e);
            }
        }
        List<Provider> providers = new ArrayList<>(List.of(GpioDDigitalInputProvider.newInstance(),
                GpioDDigitalOutputProvider.newInstance()));
        if (!rig.output().isEsc()) {
            providers.add(LinuxFsPwmProvider.newInstance(chip));
        }
        if (sensors.anyOnI2c()) {
            providers.add(LinuxFsI2CProvider.newInstance());
        }
        Context pi4j;
        try {
            pi4j = Pi4J.newContextBuilder().add(providers.toArray(Provider[]::new)).build();
        } catch (RuntimeException | LinkageError e) {
            throw new DeviceException("gpio: Pi4J could not start: " + rootCause(e), e);
        }
        ExecutorService blockingReads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "percuss-1-wire");
            t.setDaemon(true);
            return t;
        });
        try {
            return new GpioDevice(new PiParts(pi4j, escPulses, paths.oneWireDevices(), blockingReads), rig, scheduler);
        } catch (RuntimeException | LinkageError e) {
            blockingReads.shutdownNow();
            try {
                pi4j.shutdown();
            } catch (RuntimeException ignored) {
                // the first failure is the one to report
            }
            if (e instanceof SensorOpenException s) {
                throw new DeviceException(s.getMessage() + "; 'percuss doctor' checks each sensor", s);
            }
            throw new DeviceException("gpio: cannot claim the rig's pins (PWM channel " + rig.pwmChannel() + ", tachometer GPIO"
                    + rig.tachPin() + ", emergency stop GPIO" + rig.emergencyStopPin() + "): " + rootCause(e), e);
        }
    }

    /** The I2C buses the sensors are on, each once. */
    static List<Integer> i2cBuses(RigSensors sensors) {
        List<Integer> buses = new ArrayList<>();
        sensors.current().ifPresent(c -> buses.add(c.bus()));
        sensors.motion().ifPresent(m -> buses.add(m.bus()));
        if (sensors.temperature().orElse(null) instanceof TemperatureSense.Ads1115Ntc a) {
            buses.add(a.bus());
        }
        return buses.stream().distinct().toList();
    }

    private static DeviceException noGpio(PiPaths paths) {
        return new DeviceException("gpio: this machine has no GPIO (" + paths.gpioChip() + " is missing); --device gpio "
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
