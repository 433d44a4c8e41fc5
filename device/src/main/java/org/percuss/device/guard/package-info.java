/**
 * The board side's rules, written once for every board percuss implements (the simulated board,
 * the Raspberry Pi rig): {@link org.percuss.device.guard.BoardGuard} (fault latch, conditions,
 * refusals, watchdog) and {@link org.percuss.device.guard.Persistence} ("held for", shared with the
 * host's safety rules).
 */
package org.percuss.device.guard;
