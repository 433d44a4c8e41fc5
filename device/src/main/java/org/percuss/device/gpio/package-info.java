/**
 * A Raspberry Pi rig driven with Pi4J: the Pi drives a motor driver with hardware PWM, counts a
 * tachometer, reads buttons and an emergency-stop input, and drives an enable line and a heartbeat
 * for an external watchdog. {@link org.percuss.device.gpio.GpioDevice} is the
 * {@link org.percuss.device.api.PercussionDevice}; {@link org.percuss.device.gpio.GpioRig} says
 * which pin does what; {@link org.percuss.device.gpio.PiGpio} opens it on a real Pi. The only
 * package that imports {@code com.pi4j}. Wiring and setup: docs/raspberry-pi.md.
 */
package org.percuss.device.gpio;
