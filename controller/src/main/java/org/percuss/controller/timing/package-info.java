/**
 * Real-time measurement of the control loop ({@code percuss bench-loop}, issue 16): each tick's
 * start against its deadline in a preallocated histogram, overruns, GC pauses and CPU during the
 * run, and the emergency stop's latency from the input to the loop's zero command. What it runs on
 * is a {@link org.percuss.controller.timing.BenchTarget}; the command line gives it the simulated
 * gun, advanced to the wall clock tick by tick.
 */
package org.percuss.controller.timing;
