/**
 * The controller's settings: one immutable record with the defaults of DESIGN.md, and the hard
 * limits no setting may cross.
 */
package org.percuss.controller.config;
