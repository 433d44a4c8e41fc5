/*
 * The tachometer's reading in ppm (crank revolutions a minute): timed over the last whole
 * revolution, and bounded by the time since the last pulse, so a rotor that slows or stops reads
 * so at once rather than at its next pulse.
 *
 * Portable C.
 */
#ifndef PERCUSS_TACH_H
#define PERCUSS_TACH_H

#include <stdint.h>
#include "hal.h"

uint16_t tach_ppm(const hal_tach_t *t);

#endif
