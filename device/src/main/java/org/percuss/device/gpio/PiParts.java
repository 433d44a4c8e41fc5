package org.percuss.device.gpio;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * What a {@link GpioDevice} is built on besides its wiring: the Pi4J context with the pins and the
 * I2C buses, the ESC's pulse output, where the kernel shows 1-wire devices, and where reads that
 * block (a DS18B20's 750 ms conversion) may run. On a Pi, {@link PiGpio} makes the real ones; the
 * {@link VirtualPi} makes mock ones.
 *
 * @param pi4j the context with the providers the rig needs
 * @param escPulses the ESC output ({@link ServoPulses#NONE} for a rig with a motor driver)
 * @param oneWireDevices the kernel's 1-wire devices, {@code /sys/bus/w1/devices} on a Pi
 * @param blockingReads where reads that block run, never the sampler's thread on a Pi
 */
record PiParts(Context pi4j, ServoPulses escPulses, Path oneWireDevices, Executor blockingReads) {
}
