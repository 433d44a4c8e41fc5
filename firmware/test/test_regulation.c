/*
 * The board's regulator in closed loop with the motor model the simavr harness uses
 * (sim/model.c), on the host: the firmware's portable code ticks every millisecond, the model
 * steps every 100 us, and the tachometer's pulses are timed in the AVR timer's 2 MHz ticks, as the
 * input capture would time them. A host-like script commands the speeds. Prints the figures
 * (steady error, overshoot, recovery) it checks.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fake_hal.h"
#include "../sim/model.h"
#include "../src/board/board.h"
#include "../src/board/board_config.h"

#if MODEL_TACH_PULSES_PER_REV != TACH_PULSES_PER_REV
#error "the model's tachometer and the firmware's disagree"
#endif

#define RING 16
static model_t m;
static uint32_t now_ticks;
static uint32_t rising[RING];
static unsigned head;
static unsigned pulses;
static uint8_t host_seq;

static void plant_reset(void)
{
    fake_reset();
    board_init(RESET_POWER_ON);
    model_init(&m);
    now_ticks = 0;
    head = 0;
    pulses = 0;
    memset(rising, 0, sizeof rising);
}

/* The AVR HAL's tachometer bookkeeping, from the model's edges. */
static void tach_update(void)
{
    uint32_t since = now_ticks - rising[(head + RING - 1) % RING];
    if (pulses > 0 && since > HAL_TACH_HZ / 1000 * 262) {
        pulses = 0;
    }
    fake.tach.pulses = (uint8_t)(pulses > 255 ? 255 : pulses);
    fake.tach.since_pulse_ticks = since;
    fake.tach.revolution_ticks = rising[(head + RING - 1) % RING] - rising[(head + RING - 1 - TACH_PULSES_PER_REV) % RING];
}

/* One millisecond: ten model steps driven by what the board commanded, then the board's tick. */
static void step_ms(void)
{
    drive_t d = {fake.motor_enabled, fake.motor_duty / 255.0};
    for (int i = 0; i < 10; i++) {
        double at[8];
        int level[8];
        int n = model_step(&m, d, 100e-6, at, level);
        for (int k = 0; k < n; k++) {
            if (level[k]) {
                rising[head] = now_ticks + (uint32_t)lround(at[k] * 200);
                head = (head + 1) % RING;
                pulses++;
            }
        }
        now_ticks += 200;
    }
    tach_update();
    fake.analog.current = (uint16_t)(model_current_pin_mv(&m, d) * 1023 / 5000);
    fake.analog.temperature = (uint16_t)(model_ntc_pin_mv(&m) * 1023 / 5000);
    fake.analog.supply = (uint16_t)(model_supply_pin_mv(&m) * 1023 / 5000);
    run_ms(1);
}

static void set_speed(uint16_t ppm)
{
    uint8_t p[2] = {(uint8_t)ppm, (uint8_t)(ppm >> 8)};
    host_send(PKT_SET_SPEED, host_seq++, p, 2);
}

/* The board's own measurement, as the host would read it in TELEMETRY. */
static double measured(void)
{
    const sent_t *t = fake_last(PKT_TELEMETRY);
    return t ? get_u16(t->raw + 2) : 0;
}

typedef struct {
    double worst_error;  /* largest |measured - target| / target over the window, from telemetry */
    double worst_true;   /* the same for the model's true speed, every ms */
    double overshoot;    /* largest (measured - target) / target over the whole run */
} figures_t;

/* Runs a host's session: target from 0 at start, hold `hold_ms`, then optionally ramp at
   250 ppm/s to `to`; measures over the last `window_ms`. */
static figures_t session(uint16_t first, uint16_t to, int hold_ms, int total_ms, int window_ms)
{
    figures_t f = {0, 0, -1};
    double target = first;
    for (int ms = 0; ms < total_ms; ms++) {
        if (ms >= hold_ms && target < to) {
            target = fmin(to, target + 0.25);
        }
        if (ms % 10 == 0) {
            set_speed((uint16_t)target);
        }
        step_ms();
        if (fake_last(PKT_TELEMETRY) && fake_last(PKT_TELEMETRY)->at_ms == fake.millis) {
            double e = (measured() - target) / target;
            if (ms >= 300 && e > f.overshoot) f.overshoot = e;
            if (ms >= total_ms - window_ms && fabs(e) > f.worst_error) f.worst_error = fabs(e);
        }
        if (ms >= total_ms - window_ms) {
            double e = fabs(model_ppm(&m) - target) / target;
            if (e > f.worst_true) f.worst_true = e;
        }
    }
    return f;
}

static void holds_the_lowest_level_from_a_standing_start(void)
{
    plant_reset();
    figures_t f = session(1200, 1200, 0, 4000, 2000);
    printf("regulation: 1200 ppm from rest: steady error %.2f %% (reported), %.2f %% (true), overshoot %.2f %%\n",
           100 * f.worst_error, 100 * f.worst_true, 100 * f.overshoot);
    CHECK(f.worst_error <= 0.01, "steady error at 1200: %.3f", f.worst_error);
    CHECK(f.overshoot <= 0.03, "overshoot at 1200: %.3f", f.overshoot);
    board_state_t s;
    board_state(&s);
    CHECK_EQ(s.latched, 0, "no fault");
}

static void follows_the_hosts_ramp_and_holds_each_level(void)
{
    const uint16_t levels[] = {1700, 2200, 2700, 3200};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        plant_reset();
        int ramp_ms = (levels[i] - 1200) * 4;
        figures_t f = session(1200, levels[i], 2000, 2000 + ramp_ms + 3000, 2000);
        printf("regulation: 1200 then 250 ppm/s to %u: steady error %.2f %% (reported), %.2f %% (true), overshoot %.2f %%\n",
               levels[i], 100 * f.worst_error, 100 * f.worst_true, 100 * f.overshoot);
        CHECK(f.worst_error <= 0.01, "steady error at %u: %.3f", levels[i], f.worst_error);
        CHECK(f.worst_true <= 0.03, "true speed at %u: %.3f", levels[i], f.worst_true);
        CHECK(f.overshoot <= 0.03, "overshoot at %u: %.3f", levels[i], f.overshoot);
    }
}

static void holds_the_level_under_pressure_and_a_weak_battery(void)
{
    plant_reset();
    m.pressure = 20;
    m.soc = 0.2;
    figures_t f = session(3200, 3200, 0, 5000, 2000);
    printf("regulation: 3200 ppm pressed with 20 N on a 20 %% battery: steady error %.2f %%, %.1f A, %.2f V\n",
           100 * f.worst_error, model_sensed_amps(&m, (drive_t){1, 1}), m.supply);
    CHECK(f.worst_error <= 0.01, "steady error at 3200 pressed: %.3f", f.worst_error);
}

static void recovers_from_a_sudden_press(void)
{
    plant_reset();
    session(2200, 2200, 0, 3000, 10);
    m.pressure = 20;
    double worst = 0;
    int back_at = -1;
    for (int ms = 0; ms < 2000; ms++) {
        if (ms % 10 == 0) set_speed(2200);
        step_ms();
        double e = fabs(model_ppm(&m) - 2200) / 2200;
        if (e > worst) worst = e;
        if (e > 0.03) back_at = -1; else if (back_at < 0) back_at = ms;
    }
    printf("regulation: 0 -> 20 N at 2200 ppm: deepest dip %.1f %%, back within 3 %% after %d ms\n", 100 * worst, back_at);
    CHECK(back_at >= 0 && back_at < 300, "back within 3 %% after %d ms", back_at);
}

static void a_jammed_rotor_trips_over_current_and_a_short_trips_at_once(void)
{
    plant_reset();
    session(2200, 2200, 0, 2000, 10);
    m.blocked = 1;
    int tripped = -1;
    for (int ms = 0; ms < 1500 && tripped < 0; ms++) {
        if (ms % 10 == 0) set_speed(2200);
        step_ms();
        board_state_t s;
        board_state(&s);
        if (s.latched) {
            tripped = ms + 1;
            CHECK_EQ(s.latched, FAULT_OVER_CURRENT, "a jammed rotor at the driver's 8 A limit");
        }
    }
    printf("protection: jammed rotor -> over-current after %d ms\n", tripped);
    CHECK(tripped >= 300 && tripped < 330, "jammed rotor tripped after %d ms", tripped);
    CHECK_EQ(fake.motor_enabled, 0, "driver off");

    plant_reset();
    session(2200, 2200, 0, 2000, 10);
    m.extra_amps = 12;
    tripped = -1;
    for (int ms = 0; ms < 100 && tripped < 0; ms++) {
        step_ms();
        board_state_t s;
        board_state(&s);
        if (s.latched) tripped = ms + 1;
    }
    printf("protection: 12 A short -> over-current after %d ms\n", tripped);
    CHECK(tripped >= 0 && tripped <= 6, "a short tripped after %d ms", tripped);
}

static void stopping_brakes_then_disables_the_driver(void)
{
    plant_reset();
    session(2200, 2200, 0, 2000, 10);
    set_speed(0);
    int stopped = -1;
    for (int ms = 0; ms < 600; ms++) {
        if (ms % 10 == 0) set_speed(0);
        step_ms();
        if (stopped < 0 && m.speed == 0) stopped = ms;
    }
    printf("stop: from 2200 ppm braked to rest in %d ms\n", stopped);
    CHECK(stopped >= 0 && stopped < 150, "rest after %d ms", stopped);
    CHECK_EQ(fake.motor_enabled, 0, "driver disabled at rest");
    board_state_t s;
    board_state(&s);
    CHECK_EQ(s.latched, 0, "braking trips nothing");
}

int main(void)
{
    holds_the_lowest_level_from_a_standing_start();
    follows_the_hosts_ramp_and_holds_each_level();
    holds_the_level_under_pressure_and_a_weak_battery();
    recovers_from_a_sudden_press();
    a_jammed_rotor_trips_over_current_and_a_short_trips_at_once();
    stopping_brakes_then_disables_the_driver();
    return check_report("test_regulation");
}
