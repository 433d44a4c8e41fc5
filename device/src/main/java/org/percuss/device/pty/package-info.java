/**
 * Pseudo-terminal pairs: a virtual serial cable with nothing to install. One end is a path that a
 * host opens exactly as it opens {@code /dev/ttyUSB0}; the other is held here as a
 * {@link org.percuss.device.serial.SerialLink} ({@link org.percuss.device.pty.PseudoTerminal}).
 * The emulated board ({@code percuss board --pty}) and the serial end-to-end tests use it. The
 * only package that imports JNA ({@code com.sun.jna}), in
 * {@link org.percuss.device.pty.PosixPseudoTerminal}.
 */
package org.percuss.device.pty;
