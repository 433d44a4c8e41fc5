/*
 * The analog front end in the wire's units. The circuits (docs/board-makers.md), with the ADC on
 * a 5 V reference, counts = 1023 * V / 5 V:
 *   A0 current: a shunt amplifier giving 200 mV/A, so 0..25 A full scale, 24.4 mA a count;
 *   A1 temperature: a 10 k NTC (B = 3950) to ground under a 10 k resistor to 5 V;
 *   A2 supply: 47 k over 10 k, so 0..28.5 V full scale, 27.9 mV a count.
 *
 * Portable C.
 */
#ifndef PERCUSS_SENSORS_H
#define PERCUSS_SENSORS_H

#include <stdint.h>

uint16_t sensors_current_ma(uint16_t counts);
/* Tenths of a degree Celsius, from the NTC's table (-30..150 deg C; clamped to its ends). */
int16_t sensors_temperature_dc(uint16_t counts);
uint16_t sensors_supply_mv(uint16_t counts);

#endif
