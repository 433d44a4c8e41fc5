/**
 * {@code percuss doctor}: checks a Raspberry Pi for the rig its configuration describes — Java, the
 * GPIO character device, the PWM overlay and channel for the board, group memberships, the I2C
 * buses and each sensor on them, the 1-wire sensor, the configuration itself — and says, for each
 * problem, the one command that fixes it. Every path it inspects comes from a
 * {@link org.percuss.device.gpio.PiPaths}, so tests point it at a fake tree.
 */
package org.percuss.controller.doctor;
