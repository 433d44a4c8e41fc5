/**
 * The host side of PROTOCOL.md over a serial link: {@link org.percuss.device.serial.SerialDevice}
 * drives a board through {@link org.percuss.device.serial.SerialLink}; the only package that
 * imports jSerialComm (in {@link org.percuss.device.serial.JSerialCommLink}).
 */
package org.percuss.device.serial;
