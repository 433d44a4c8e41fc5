#include "sensors.h"

uint16_t sensors_current_ma(uint16_t counts)
{
    /* I = V / 0.2 V/A = counts * 5000 mV / 1023 / 0.2 = counts * 25000 / 1023 mA */
    return (uint16_t)(((uint32_t)counts * 25000u + 511u) / 1023u);
}

uint16_t sensors_supply_mv(uint16_t counts)
{
    /* V = V_pin * (47 k + 10 k) / 10 k = counts * 5000 * 5.7 / 1023 mV */
    return (uint16_t)(((uint32_t)counts * 28500u + 511u) / 1023u);
}

/*
 * The NTC's counts every 5 deg C from -30 to 150 deg C:
 *   R(T) = 10 k * exp(3950 * (1/T - 1/298.15 K)),  counts = 1023 * R / (R + 10 k),
 * rounded (the host-side tests check the table and the interpolation against this formula).
 * Counts fall as the temperature rises.
 */
#define NTC_FIRST_DC (-300)
#define NTC_STEP_DC 50
static const uint16_t NTC_COUNTS[] = {
    974, 957, 934, 907, 873, 834, 788, 738, 684, 627, 569, 512, 456, 403, 354, 310, 270, 235, 204,
    177, 153, 133, 115, 100, 87, 76, 67, 58, 51, 45, 40, 35, 31, 28, 25, 22, 20,
};
#define NTC_POINTS (sizeof NTC_COUNTS / sizeof NTC_COUNTS[0])

int16_t sensors_temperature_dc(uint16_t counts)
{
    if (counts >= NTC_COUNTS[0]) {
        return NTC_FIRST_DC;
    }
    for (uint8_t i = 1; i < NTC_POINTS; i++) {
        if (counts >= NTC_COUNTS[i]) {
            /* linear between the two points around it */
            uint16_t span = NTC_COUNTS[i - 1] - NTC_COUNTS[i];
            uint16_t into = NTC_COUNTS[i - 1] - counts;
            return (int16_t)(NTC_FIRST_DC + (int16_t)(i - 1) * NTC_STEP_DC
                             + (int16_t)(((uint32_t)into * NTC_STEP_DC + span / 2) / span));
        }
    }
    return (int16_t)(NTC_FIRST_DC + (int16_t)(NTC_POINTS - 1) * NTC_STEP_DC);
}
