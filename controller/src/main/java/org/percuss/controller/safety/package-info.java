/**
 * The safety rules of DESIGN.md, one small class each answering OK, DERATE or TRIP, and the
 * supervisor that combines them and latches faults until they are cleared.
 */
package org.percuss.controller.safety;
