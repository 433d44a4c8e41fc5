/**
 * The Raspberry Pi rig, simulated: the real GPIO driver on mock pins, closed around the physics.
 */
package org.percuss.simulator.rig;
