/**
 * The board side of PROTOCOL.md in software: speed commands, watchdog, fault latching and
 * telemetry, usable in process as a {@link org.percuss.device.api.PercussionDevice}.
 */
package org.percuss.simulator.board;
