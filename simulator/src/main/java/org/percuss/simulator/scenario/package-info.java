/**
 * Scripted runs for firmware testers: scenarios of timed actions and fault injections, the
 * expectations and invariants they are checked against, and a plot of the run.
 */
package org.percuss.simulator.scenario;
