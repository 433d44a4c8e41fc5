/**
 * Running scenarios against the real control loop on the simulated gun: what the checkers see of
 * the loop on each tick. (The scenario reader and runner move here from {@code cli}.)
 */
package org.percuss.controller.scenario;
