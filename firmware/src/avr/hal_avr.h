/*
 * The ATmega328P side of hal.h, plus what only main.c needs: bringing the peripherals up, the
 * 1 ms tick, the link's receive queue and the ADC's round robin.
 */
#ifndef PERCUSS_HAL_AVR_H
#define PERCUSS_HAL_AVR_H

#include <stdint.h>
#include "../board/hal.h"

/* Pins first (the motor off), then Timer0 (1 kHz tick), Timer1 (tachometer), Timer2 (PWM), the
   ADC, INT0 (e-stop) and UART0 at 115200 8N1. Interrupts stay off. */
void hal_init(void);

/* 1 ms ticks that came since the last call. */
uint8_t hal_take_ticks(void);

/* The next byte from the host, or -1 when none is waiting. */
int16_t hal_link_read(void);

/* Reads the conversion that finished and starts the next: current, temperature, current, supply. */
void hal_adc_step(void);

/* Whether anything waits for the main loop (a byte, a tick): if not, it may sleep. */
uint8_t hal_pending(void);

#endif
