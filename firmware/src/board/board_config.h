/*
 * What this board is: its speed range, sensors, link timing, and the limits of its own
 * protections. The protections sit behind the host's safety rules, with limits above the host's
 * (DESIGN.md: trip 4 A for 100 ms, 80 deg C, 12.8 V, stall under 30 % for 500 ms), so that
 * normally the host acts first and the board is the backstop; they match percuss's emulated board
 * (simulator/.../board/SimulatedBoard.java) except for the instant over-current trip, which a
 * real driver needs against a short.
 *
 * Portable C: a port to another MCU keeps this file and changes what its hardware changes.
 */
#ifndef PERCUSS_BOARD_CONFIG_H
#define PERCUSS_BOARD_CONFIG_H

#include "../protocol/packet.h"

/* HELLO_REPLY */
#define BOARD_MIN_PPM 1000u
#define BOARD_MAX_PPM 3500u
#define BOARD_CAPABILITIES (CAP_CURRENT | CAP_TEMPERATURE | CAP_SUPPLY | CAP_BUTTONS)
#define BOARD_WATCHDOG_MS 250u

/* TELEMETRY every this many ms from power-up, until SET_TELEMETRY_PERIOD says otherwise (10..1000) */
#define TELEMETRY_DEFAULT_MS 20u
#define TELEMETRY_MIN_MS 10u
#define TELEMETRY_MAX_MS 1000u

/* The regulator's speed setpoint rises at most this fast, whatever the host asks (the host itself
   ramps at 10..1000 ppm/s); it falls at once. */
#define RAMP_PPM_PER_S 2500u

/* Tachometer: pulses per crank revolution (= per percussion). One Hall line of a 14-pole BLDC
   motor gives 7; a magnet on the crank gives 1. The speed is timed over one whole revolution, so
   unevenly spaced pulses average out. The sim's model (MODEL_TACH_PULSES_PER_REV) must agree. */
#ifndef TACH_PULSES_PER_REV
#define TACH_PULSES_PER_REV 7u
#endif
/* No pulse for this long (ms): the rotor is taken as stopped (under 60000 / (PPR * this) ppm). */
#define TACH_STOPPED_MS 250u

/* Over-current: above OC_TRIP_MA for OC_TRIP_MS (the driver's limit is 8 A), or above
   OC_INSTANT_MA in OC_INSTANT_SAMPLES current samples in a row (one every 2 ms): a short. */
#define OC_TRIP_MA 7500u
#define OC_TRIP_MS 300u
#define OC_INSTANT_MA 12000u
#define OC_INSTANT_SAMPLES 2u
/* Over-temperature: present above 90.0 deg C, until it is back under 85.0. */
#define OT_TRIP_DC 900
#define OT_CLEAR_DC 850
/* Under-voltage: under 11.0 V for 100 ms (a 4S pack at 2.75 V a cell). */
#define UV_TRIP_MV 11000u
#define UV_TRIP_MS 100u
/* Stall: the regulator at full duty while the tachometer sees under 10 % of the setpoint, for 1 s. */
#define STALL_PERCENT 10u
#define STALL_MS 1000u
/* Stopping: with no target the driver brakes the rotor (its bridge shorts the winding) until the
   tachometer reads 0, for at most this long; then it is disabled. */
#define BRAKE_MAX_MS 500u

#endif
