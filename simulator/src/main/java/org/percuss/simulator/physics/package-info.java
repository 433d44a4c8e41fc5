/**
 * Physics of the simulated gun: the motor and what it drives, with derivations next to the code.
 */
package org.percuss.simulator.physics;
