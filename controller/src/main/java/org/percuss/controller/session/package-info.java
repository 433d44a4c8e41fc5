/** Session and zone timing: how long the motor has run, against the limits of DESIGN.md rule 4. */
package org.percuss.controller.session;
