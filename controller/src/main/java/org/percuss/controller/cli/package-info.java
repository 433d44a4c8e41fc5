/**
 * The {@code percuss} command line (picocli): {@code run}, and the wiring of devices, clocks and
 * drivers behind it. The only controller package that may use the simulator.
 */
package org.percuss.controller.cli;
