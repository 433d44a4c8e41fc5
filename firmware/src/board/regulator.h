/*
 * The speed regulator: a PI controller with anti-windup, run every millisecond, turning the speed
 * setpoint and the tachometer's reading (ppm) into the driver's PWM duty (0..255).
 *
 * Design (as the Java simulator's SpeedRegulator). With the current settled, the plant from duty
 * u to speed is first order, w(s)/u(s) = K / (tm s + 1), K = V / Ke: 14.8 V / 0.02984 V.s/rad
 * = 496 rad/s = 4736 ppm per unit duty, tm = 20 ms. A PI Kp (1 + 1/(Ti s)) with Ti = tm cancels
 * the plant's pole and leaves a first-order closed loop of time constant tcl = tm / (Kp K): no
 * overshoot. tcl = 80 ms gives
 *   Kp = tm / (K tcl) = 0.02 / (4736 * 0.08) = 5.28e-5 duty per ppm,
 *   Ki = Kp / Ti = 2.64e-3 duty per ppm.s.
 * In fixed point, duty 1.0 = 2^24: Kp = 886 per ppm, Ki = 44 per ppm per 1 ms step. The
 * tachometer, timed over a revolution, lags by half a revolution (25 ms at 1200 ppm): about 18
 * degrees of phase at the loop's 12.5 rad/s, which costs little damping.
 * Anti-windup is conditional integration: while the duty is saturated the integral does not grow
 * in the direction that saturated it. A setpoint of 0 stops: duty 0, the integral cleared.
 * The PWM has 8 bits, one step of which is 18.6 ppm (1.5 % at 1200 ppm); the part of the duty
 * below one step is carried into the next millisecond (first-order error diffusion), so that the
 * mean duty has the regulator's full resolution and the motor's 20 ms time constant smooths it.
 *
 * Portable C, integers only.
 */
#ifndef PERCUSS_REGULATOR_H
#define PERCUSS_REGULATOR_H

#include <stdint.h>

#define REGULATOR_ONE (1l << 24)
#define REGULATOR_KP 886l
#define REGULATOR_KI 44l

typedef struct {
    int32_t integral; /* duty, 1.0 = REGULATOR_ONE */
    uint16_t residual; /* duty below one PWM step, carried to the next step */
    uint8_t duty;
} regulator_t;

void regulator_reset(regulator_t *r);
uint8_t regulator_step(regulator_t *r, uint16_t setpoint_ppm, uint16_t measured_ppm);

#endif
