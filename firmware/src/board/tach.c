#include "tach.h"
#include "board_config.h"

#define TICKS_PER_MINUTE (HAL_TACH_HZ * 60ul)
#define STOPPED_TICKS (HAL_TACH_HZ / 1000ul * TACH_STOPPED_MS)

uint16_t tach_ppm(const hal_tach_t *t)
{
    if (t->pulses <= TACH_PULSES_PER_REV || t->since_pulse_ticks >= STOPPED_TICKS
        || t->revolution_ticks == 0) {
        return 0;
    }
    /* ppm = revolutions a minute = ticks a minute / ticks a revolution */
    uint32_t ppm = TICKS_PER_MINUTE / t->revolution_ticks;
    /* No pulse for longer than a pulse period: the rotor is slower than that now. */
    uint32_t since_rev = t->since_pulse_ticks * TACH_PULSES_PER_REV;
    if (since_rev > t->revolution_ticks) {
        uint32_t bound = TICKS_PER_MINUTE / since_rev;
        if (bound < ppm) {
            ppm = bound;
        }
    }
    return ppm > 0xFFFFu ? 0xFFFFu : (uint16_t)ppm;
}
