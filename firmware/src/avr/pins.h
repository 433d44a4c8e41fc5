/*
 * The Arduino Uno's pins as this firmware uses them (the table in docs/board-makers.md).
 *
 *   D0  PD0 RXD    link from the host (the Uno's USB-serial chip, or a TTL adapter)
 *   D1  PD1 TXD    link to the host
 *   D2  PD2 INT0   emergency stop, active low, internal pull-up (a normally-open switch to GND)
 *   D4  PD4        power button, active low, internal pull-up
 *   D5  PD5        plus button, active low, internal pull-up
 *   D6  PD6 OC0A   motor driver PWM input, 7.8 kHz (Timer0; Timer1 is the tachometer's, Timer2
 *                  the 1 ms tick)
 *   D7  PD7        minus button, active low, internal pull-up
 *   D8  PB0 ICP1   tachometer (a Hall line), rising edges timed by Timer1's input capture
 *   D9  PB1        motor driver enable, high = enabled (pull it down on the board: a reset
 *                  leaves the pin floating, and the driver must read that as disabled)
 *   A0  PC0 ADC0   current: shunt amplifier, 200 mV/A
 *   A1  PC1 ADC1   temperature: 10 k NTC (B 3950) to GND, 10 k to 5 V
 *   A2  PC2 ADC2   supply: 47 k from the battery, 10 k to GND
 */
#ifndef PERCUSS_PINS_H
#define PERCUSS_PINS_H

#include <avr/io.h>

#define ESTOP_BIT PD2
#define POWER_BIT PD4
#define PLUS_BIT PD5
#define PWM_BIT PD6
#define MINUS_BIT PD7
#define TACH_BIT PB0
#define ENABLE_BIT PB1

#define ADC_CURRENT 0
#define ADC_TEMPERATURE 1
#define ADC_SUPPLY 2

#endif
