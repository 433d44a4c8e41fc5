/*
 * The board side of PROTOCOL.md, on top of hal.h: it answers the host's packets, regulates the
 * motor's speed, watches its own protections and the host's silence, latches faults, and reports
 * TELEMETRY every period from power-up. The main loop calls board_receive for every byte from the
 * link and board_tick once a millisecond.
 *
 * Portable C: no registers, no interrupts; the host-side tests run it against a HAL in memory.
 */
#ifndef PERCUSS_BOARD_H
#define PERCUSS_BOARD_H

#include <stdint.h>

/* Why the microcontroller (re)started. */
typedef enum {
    RESET_POWER_ON,
    RESET_EXTERNAL,   /* the reset pin (on an Uno: the button, or DTR when a host opens the port) */
    RESET_BROWN_OUT,
    RESET_WATCHDOG,   /* the hardware watchdog: the firmware hung; INTERNAL is latched */
} reset_cause_t;

void board_init(reset_cause_t cause);
void board_receive(uint8_t byte);
void board_tick(void);

/* For tests and a debugger: the state behind the telemetry. */
typedef struct {
    uint16_t target_ppm;   /* the accepted command */
    uint16_t setpoint_ppm; /* the ramped setpoint the regulator follows */
    uint8_t duty;          /* 0..255; 0 when off */
    uint8_t driving;       /* the driver enabled */
    uint16_t latched;      /* fault bits latched */
    uint16_t present;      /* fault conditions present now */
    uint8_t watchdog_armed;
    uint16_t telemetry_period_ms;
    uint16_t dropped_frames;  /* host frames dropped: bad CRC, bad COBS, too short or too long */
    uint16_t unsent_packets;  /* board packets not sent because the link's queue was full */
} board_state_t;
void board_state(board_state_t *out);

#endif
