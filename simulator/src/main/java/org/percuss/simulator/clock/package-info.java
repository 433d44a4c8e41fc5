/**
 * Virtual time: a clock that only moves when told to and runs what falls due on the way, so that
 * tests and simulations are deterministic and far faster than real time.
 */
package org.percuss.simulator.clock;
