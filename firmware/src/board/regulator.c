#include "regulator.h"

void regulator_reset(regulator_t *r)
{
    r->integral = 0;
    r->residual = 0;
    r->duty = 0;
}

uint8_t regulator_step(regulator_t *r, uint16_t setpoint_ppm, uint16_t measured_ppm)
{
    if (setpoint_ppm == 0) {
        regulator_reset(r);
        return 0;
    }
    int32_t error = (int32_t)setpoint_ppm - (int32_t)measured_ppm;
    int32_t unsaturated = REGULATOR_KP * error + r->integral;
    int high = unsaturated >= REGULATOR_ONE && error > 0;
    int low = unsaturated <= 0 && error < 0;
    if (!high && !low) {
        r->integral += REGULATOR_KI * error;
        if (r->integral > REGULATOR_ONE) {
            r->integral = REGULATOR_ONE;
        } else if (r->integral < 0) {
            r->integral = 0;
        }
    }
    int32_t out = REGULATOR_KP * error + r->integral;
    if (out <= 0) {
        r->residual = 0;
        r->duty = 0;
    } else if (out >= 255l << 16) {
        r->residual = 0;
        r->duty = 255;
    } else {
        /* duty 0..255 from 0..2^24, what is left below one step carried over */
        out += r->residual;
        r->duty = (uint8_t)(out >> 16);
        r->residual = (uint16_t)(out & 0xFFFF);
    }
    return r->duty;
}
