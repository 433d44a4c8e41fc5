/**
 * Fault injection for firmware testers: stalls, over-current, lost cooling, battery sag,
 * brown-outs, sensor faults, the emergency-stop input and link faults, each at a time and for a
 * duration or until cleared.
 */
package org.percuss.simulator.fault;
