/*
 * The massage gun around the emulated Uno: battery, motor driver, motor, percussion mechanism,
 * winding temperature, and the sensors the board reads (tachometer, current shunt amplifier, NTC,
 * supply divider). The same physics and constants as the Java simulator's GunPlant
 * (simulator/.../physics), in plain C: one step takes the driver's inputs and advances by dt.
 *
 * Portable C (C99, math.h): the simavr harness drives it, and the host-side tests close the loop
 * of the firmware's regulator with it.
 */
#ifndef PERCUSS_MODEL_H
#define PERCUSS_MODEL_H

#include <stdint.h>

/* Tachometer pulses per revolution of the crank (one percussion per revolution): one Hall line of
   the 14-pole motor. The firmware's
   TACH_PULSES_PER_REV must match. */
#define MODEL_TACH_PULSES_PER_REV 7

typedef struct {
    /* state */
    double speed;           /* crank = rotor, rad/s (>= 0) */
    double angle;           /* crank angle, rad, in [0, 2 pi) */
    double motor_amps;      /* winding current, A (negative while braking) */
    double temperature;     /* winding and driver, deg C */
    double soc;             /* battery state of charge, 0..1 */
    double supply;          /* battery terminal voltage, V */
    /* injections */
    double pressure;        /* N, the user pressing the gun against the body */
    double extra_amps;      /* A drawn while driving, doing no work (a shorted turn, a failing driver) */
    int blocked;            /* the mechanism is jammed: a stall */
    int cooling_lost;       /* a stopped fan or blocked vents */
    double sag;             /* battery internal resistance multiplier (1 = healthy) */
    double source_volts;    /* > 0: a bench supply of this voltage replaces the battery's curve */
    double ambient;         /* deg C */
} model_t;

/* The driver's inputs over a step: enable pin and the fraction of the step the PWM pin was high. */
typedef struct {
    int enabled;
    double duty;
} drive_t;

/* The gun at rest in a 25 deg C room, its 4S pack 90 % charged. */
void model_init(model_t *m);

/*
 * Advances by dt seconds. Returns how many tachometer edges (rising and falling) fell in the step;
 * their times, as fractions of dt (0 < f <= 1, ascending), and levels go to edge_at / edge_level
 * (room for 8).
 */
int model_step(model_t *m, drive_t drive, double dt, double *edge_at, int *edge_level);

/* The crank's speed, rpm = ppm. */
double model_ppm(const model_t *m);

/* What the board's shunt amplifier measures: the current's magnitude plus any injected excess, A. */
double model_sensed_amps(const model_t *m, drive_t drive);

/* The voltages on the board's analog pins, mV (0..5000), for the sensors on it (docs/board-makers.md):
   A0 current amplifier 200 mV/A; A1 10 k NTC (B 3950) to ground under a 10 k pull-up to 5 V;
   A2 supply through 47 k over 10 k. */
int model_current_pin_mv(const model_t *m, drive_t drive);
int model_ntc_pin_mv(const model_t *m);
int model_supply_pin_mv(const model_t *m);

#endif
