package org.percuss.controller.e2e;

import org.percuss.device.protocol.Packet;

/**
 * A packet seen on the wire, and when ({@code System.nanoTime()} of this JVM).
 *
 * @param nanos when it was read or written
 * @param packet the packet
 */
record Timed(long nanos, Packet packet) {

    /** Whether this is a host command that stops the motor: SET_SPEED 0 or STOP. */
    boolean isZeroCommand() {
        return packet instanceof Packet.Stop || packet instanceof Packet.SetSpeed s && s.targetPpm() == 0;
    }
}
