/*
 * hal.h in memory, for the host-side tests: the test sets the clock, the analog counts, the
 * tachometer and the inputs; the board's motor commands and the frames it sends are recorded,
 * and decoded back into packets.
 */
#ifndef PERCUSS_FAKE_HAL_H
#define PERCUSS_FAKE_HAL_H

#include <stdint.h>
#include "../src/board/hal.h"
#include "../src/protocol/packet.h"

typedef struct {
    uint32_t millis;
    hal_analog_t analog;
    hal_tach_t tach;
    uint8_t buttons;
    uint8_t estop_active;
    uint8_t estop_tripped;
    /* the driver as last commanded */
    uint8_t motor_enabled;
    uint8_t motor_duty;
    /* room in the link's queue, in bytes (default: plenty) */
    int link_room;
} fake_hal_t;

extern fake_hal_t fake;

/* Resets the fake: time 0, an idle gun (0 A, 25 deg C, 16.4 V), no tachometer pulses. */
void fake_reset(void);

/* One packet the board sent, decoded (type, seq, payload). */
typedef struct {
    uint8_t raw[PACKET_MAX];
    uint8_t n;
    uint32_t at_ms;
} sent_t;

/* How many packets the board has sent since fake_reset, and the i-th of them. */
int fake_sent_count(void);
const sent_t *fake_sent(int i);
/* The last packet of this type sent, or NULL. */
const sent_t *fake_last(uint8_t type);
/* Forgets what was sent. */
void fake_clear_sent(void);

/* Sends a host packet to the board, byte by byte, as its wire frame. */
void host_send(uint8_t type, uint8_t seq, const uint8_t *payload, uint8_t n);
/* Advances the clock by ms, calling board_tick every millisecond. */
void run_ms(uint32_t ms);

/* The analog counts of a current (mA), temperature (deg C) and supply (mV), for the fake's analog. */
uint16_t counts_for_current(uint32_t ma);
uint16_t counts_for_supply(uint32_t mv);
uint16_t counts_for_temperature(double celsius);

#endif
