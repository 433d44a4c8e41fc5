/**
 * What percuss needs of the operating system beyond Java's reach, through JNA: ignoring SIGQUIT
 * while a session runs ({@link org.percuss.device.os.QuitSignal}), keeping SIGHUP's handler across
 * a serial port's opening ({@link org.percuss.device.os.HangupSignal}), and a thread's real-time
 * priority ({@link org.percuss.device.os.RealTimePriority}).
 */
package org.percuss.device.os;
