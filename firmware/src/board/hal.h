/*
 * What the board's logic (board.c) needs from the microcontroller, and all it needs: time, the
 * motor driver, the sensors, the inputs and the link. src/avr/hal_avr.c implements it for the
 * ATmega328P; the host-side tests implement it in memory. Porting the firmware to another MCU
 * means writing this file's functions for it (docs/board-makers.md).
 */
#ifndef PERCUSS_HAL_H
#define PERCUSS_HAL_H

#include <stdint.h>

/* Milliseconds since reset (wraps after 49 days). */
uint32_t hal_millis(void);

/* The motor driver: enabled, PWM at duty/255 (0: the bridge's low side on, which brakes). */
void hal_motor_run(uint8_t duty);
/* The motor driver disabled and its PWM input low: the motor coasts. */
void hal_motor_off(void);

/* The latest raw 10-bit conversions of the three analog inputs, and how many current samples
   have been taken since reset (wrapping), so a caller sees each sample once. */
typedef struct {
    uint16_t current;
    uint16_t temperature;
    uint16_t supply;
    uint8_t current_samples;
} hal_analog_t;
void hal_analog(hal_analog_t *out);

/* The tachometer: the time of the last PPR pulses (one revolution), in timer ticks, the ticks
   since the last pulse, and how many pulses came since the rotor last stood still (saturating). */
typedef struct {
    uint32_t revolution_ticks;
    uint32_t since_pulse_ticks;
    uint8_t pulses;
} hal_tach_t;
void hal_tach(hal_tach_t *out);
/* Tachometer timer ticks per second. */
#define HAL_TACH_HZ 2000000ul

/* Buttons held now (IN_POWER | IN_PLUS | IN_MINUS), before debouncing. */
uint8_t hal_buttons(void);
/* Whether the emergency-stop input is active now. */
uint8_t hal_estop_active(void);
/* Whether the emergency-stop interrupt cut the motor since the last call (then clears it): an
   e-stop pulse too short for the 1 ms tick still latches. */
uint8_t hal_estop_tripped(void);

/* Queues a whole frame for the link, or nothing when there is no room: returns 1 when queued. */
uint8_t hal_link_send(const uint8_t *frame, uint8_t n);

#endif
