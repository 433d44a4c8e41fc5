/**
 * What percuss needs of the operating system beyond Java's reach: ignoring SIGQUIT while a session
 * runs ({@link org.percuss.device.os.QuitSignal}), through JNA.
 */
package org.percuss.device.os;
