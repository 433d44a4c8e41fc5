/**
 * The control loop: a fixed-rate tick on the injected clock that reads telemetry, asks the safety
 * supervisor, steps the state machine, computes the speed profile and commands the device.
 */
package org.percuss.controller.loop;
