#include "board.h"

#include "board_config.h"
#include "hal.h"
#include "regulator.h"
#include "sensors.h"
#include "tach.h"
#include "../protocol/decoder.h"
#include "../protocol/packet.h"

/* Button debouncing: a change counts once it has held this many 1 ms ticks. */
#define DEBOUNCE_MS 5u

static struct {
    decoder_t decoder;
    regulator_t regulator;
    uint8_t seq;                 /* the board's own packet numbering */
    uint16_t latched;
    uint16_t present;
    uint16_t target_ppm;
    uint16_t setpoint_ppm;
    uint16_t ramp_milli;         /* thousandths of a ppm of setpoint rise carried over */
    uint8_t driving;
    uint16_t brake_ms;
    uint8_t watchdog_armed;
    uint32_t last_host_ms;
    uint16_t period_ms;
    uint32_t next_telemetry_ms;
    /* measurements, in the wire's units */
    uint16_t measured_ppm;
    uint16_t current_ma;
    int16_t temperature_dc;
    uint16_t supply_mv;
    uint8_t inputs;
    uint8_t buttons_seen;
    uint8_t buttons_stable_ms;
    uint8_t current_samples;
    /* how long each protection's condition has held */
    uint16_t over_current_ms;
    uint8_t over_current_samples;
    uint16_t under_voltage_ms;
    uint16_t stall_ms;
    uint8_t over_temperature;
    uint16_t unsent;
} b;

/* ---- sending ---------------------------------------------------------------------------- */

static void send(uint8_t type, const uint8_t *payload, uint8_t n)
{
    uint8_t frame[COBS_MAX_ENCODED(PACKET_OVERHEAD + 15) + 1];
    uint8_t len = packet_frame(type, b.seq, payload, n, frame);
    b.seq++;
    if (!hal_link_send(frame, len)) {
        b.unsent++;
    }
}

static void ack(uint8_t seq)
{
    send(PKT_ACK, &seq, 1);
}

static void nack(uint8_t seq, uint8_t reason)
{
    uint8_t p[2] = {seq, reason};
    send(PKT_NACK, p, 2);
}

static void send_telemetry(uint32_t now)
{
    uint8_t p[15];
    put_u16(p, b.measured_ppm);
    put_u16(p + 2, b.current_ma);
    put_u16(p + 4, (uint16_t)b.temperature_dc);
    put_u16(p + 6, b.supply_mv);
    p[8] = b.inputs;
    put_u16(p + 9, b.latched);
    put_u32(p + 11, now);
    send(PKT_TELEMETRY, p, sizeof p);
}

/* ---- faults ----------------------------------------------------------------------------- */

/* Latching a fault stops the motor at once and forgets the target: it stays stopped until
   CLEAR_FAULTS succeeds and a new SET_SPEED arrives. */
static void latch(uint16_t faults)
{
    b.latched |= faults;
    b.target_ppm = 0;
    b.setpoint_ppm = 0;
    regulator_reset(&b.regulator);
    hal_motor_off();
    b.driving = 0;
}

/* ---- packets from the host -------------------------------------------------------------- */

static void handle(const uint8_t *raw, uint8_t n)
{
    uint8_t type = raw[0], seq = raw[1];
    const uint8_t *payload = raw + 2;
    int8_t expected = packet_payload_length(type);
    /* Any packet with a good CRC is valid: it feeds the watchdog, and the first one arms it,
       NACKed or not. */
    b.last_host_ms = hal_millis();
    b.watchdog_armed = 1;
    if (type >= PKT_ACK || expected < 0) {
        nack(seq, NACK_UNKNOWN_TYPE); /* unknown, or a board-to-host type */
        return;
    }
    if (n - 2 != expected) {
        nack(seq, NACK_BAD_LENGTH);
        return;
    }
    switch (type) {
    case PKT_HELLO:
        if (payload[0] == PROTOCOL_VERSION) {
            uint8_t p[8];
            p[0] = PROTOCOL_VERSION;
            put_u16(p + 1, BOARD_MIN_PPM);
            put_u16(p + 3, BOARD_MAX_PPM);
            p[5] = BOARD_CAPABILITIES;
            put_u16(p + 6, BOARD_WATCHDOG_MS);
            send(PKT_HELLO_REPLY, p, sizeof p);
        } else {
            nack(seq, NACK_UNSUPPORTED_VERSION);
        }
        break;
    case PKT_SET_SPEED: {
        uint16_t ppm = get_u16(payload);
        if (ppm == 0) {
            b.target_ppm = 0;
            ack(seq);
        } else if (ppm < BOARD_MIN_PPM || ppm > BOARD_MAX_PPM) {
            nack(seq, NACK_OUT_OF_RANGE);
        } else if (b.latched) {
            nack(seq, NACK_FAULT_ACTIVE);
        } else {
            b.target_ppm = ppm;
            ack(seq);
        }
        break;
    }
    case PKT_STOP:
        b.target_ppm = 0;
        b.setpoint_ppm = 0;
        ack(seq);
        break;
    case PKT_PING:
        ack(seq);
        break;
    case PKT_CLEAR_FAULTS:
        if (b.present) {
            latch(b.present);
            nack(seq, NACK_FAULT_ACTIVE);
        } else {
            b.latched = 0;
            ack(seq);
        }
        break;
    case PKT_SET_TELEMETRY_PERIOD: {
        uint16_t ms = get_u16(payload);
        if (ms < TELEMETRY_MIN_MS || ms > TELEMETRY_MAX_MS) {
            nack(seq, NACK_OUT_OF_RANGE);
        } else {
            b.period_ms = ms;
            b.next_telemetry_ms = hal_millis() + ms;
            ack(seq);
        }
        break;
    }
    }
}

void board_receive(uint8_t byte)
{
    uint8_t n = decoder_feed(&b.decoder, byte);
    if (n) {
        handle(b.decoder.raw, n);
    }
}

/* ---- the 1 ms tick ---------------------------------------------------------------------- */

static void sense(void)
{
    hal_analog_t a;
    hal_analog(&a);
    b.current_ma = sensors_current_ma(a.current);
    b.temperature_dc = sensors_temperature_dc(a.temperature);
    b.supply_mv = sensors_supply_mv(a.supply);
    hal_tach_t t;
    hal_tach(&t);
    b.measured_ppm = tach_ppm(&t);

    uint8_t buttons = hal_buttons();
    if (buttons != b.buttons_seen) {
        b.buttons_seen = buttons;
        b.buttons_stable_ms = 0;
    } else if (b.buttons_stable_ms < DEBOUNCE_MS) {
        b.buttons_stable_ms++;
    }
    uint8_t held = b.buttons_stable_ms >= DEBOUNCE_MS ? buttons : (uint8_t)(b.inputs & (IN_POWER | IN_PLUS | IN_MINUS));
    b.inputs = (uint8_t)(held | (hal_estop_active() ? IN_ESTOP : 0));

    /* each new current sample once, for the instant over-current trip */
    if (a.current_samples != b.current_samples) {
        b.current_samples = a.current_samples;
        b.over_current_samples = b.current_ma > OC_INSTANT_MA
            ? (uint8_t)(b.over_current_samples < 255 ? b.over_current_samples + 1 : 255) : 0;
    }
}

/* Counts the milliseconds a condition has held (0 when it does not), saturating. */
static uint16_t held_for(uint16_t ms, uint8_t condition)
{
    return condition ? (uint16_t)(ms < 0xFFFFu ? ms + 1 : ms) : 0;
}

static void protect(void)
{
    uint16_t present = 0;
    if (hal_estop_tripped() || (b.inputs & IN_ESTOP)) {
        present |= FAULT_EMERGENCY_STOP;
    }
    b.over_current_ms = held_for(b.over_current_ms, b.current_ma > OC_TRIP_MA);
    if (b.over_current_ms >= OC_TRIP_MS || b.over_current_samples >= OC_INSTANT_SAMPLES) {
        present |= FAULT_OVER_CURRENT;
    }
    if (b.temperature_dc > OT_TRIP_DC) {
        b.over_temperature = 1;
    } else if (b.temperature_dc < OT_CLEAR_DC) {
        b.over_temperature = 0;
    }
    if (b.over_temperature) {
        present |= FAULT_OVER_TEMPERATURE;
    }
    b.under_voltage_ms = held_for(b.under_voltage_ms, b.supply_mv < UV_TRIP_MV);
    if (b.under_voltage_ms >= UV_TRIP_MS) {
        present |= FAULT_UNDER_VOLTAGE;
    }
    uint8_t stalling = b.driving && b.setpoint_ppm > 0 && b.regulator.duty == 255
        && (uint32_t)b.measured_ppm * 100u < (uint32_t)b.setpoint_ppm * STALL_PERCENT;
    b.stall_ms = held_for(b.stall_ms, stalling);
    if (b.stall_ms >= STALL_MS) {
        present |= FAULT_STALL;
    }
    b.present = present;
    if (present) {
        latch(present);
    }
}

static void watchdog(uint32_t now)
{
    /* A packet arrives between two ticks; the tick after it counts as its millisecond. "No valid
       packet for watchdog_ms" therefore holds from the tick watchdog_ms + 1 after it: the motor
       stops between watchdog_ms and watchdog_ms + 1 ms after the packet, never before. */
    if (b.watchdog_armed && now - b.last_host_ms > BOARD_WATCHDOG_MS) {
        b.watchdog_armed = 0; /* re-armed by the next valid packet */
        latch(FAULT_COMM_TIMEOUT);
    }
}

static void drive(void)
{
    if (b.latched) {
        /* latch() turned the driver off; keep it so */
        hal_motor_off();
        b.driving = 0;
        return;
    }
    if (b.target_ppm == 0) {
        b.setpoint_ppm = 0;
        regulator_reset(&b.regulator);
        if (b.driving && b.measured_ppm > 0 && b.brake_ms < BRAKE_MAX_MS) {
            b.brake_ms++;
            hal_motor_run(0); /* braking */
        } else {
            hal_motor_off();
            b.driving = 0;
        }
        return;
    }
    /* rise at most RAMP_PPM_PER_S, in thousandths of a ppm a millisecond; fall at once */
    if (b.setpoint_ppm < b.target_ppm) {
        uint32_t rise = b.ramp_milli + RAMP_PPM_PER_S;
        uint32_t step = rise / 1000u;
        b.ramp_milli = (uint16_t)(rise % 1000u);
        b.setpoint_ppm = (uint16_t)((uint32_t)(b.target_ppm - b.setpoint_ppm) > step ? b.setpoint_ppm + step : b.target_ppm);
    } else {
        b.setpoint_ppm = b.target_ppm;
        b.ramp_milli = 0;
    }
    uint8_t duty = regulator_step(&b.regulator, b.setpoint_ppm, b.measured_ppm);
    hal_motor_run(duty);
    b.driving = 1;
    b.brake_ms = 0;
}

static void report(uint32_t now)
{
    if ((int32_t)(now - b.next_telemetry_ms) >= 0) {
        send_telemetry(now);
        b.next_telemetry_ms += b.period_ms;
        if ((int32_t)(now - b.next_telemetry_ms) >= 0) {
            b.next_telemetry_ms = now + b.period_ms; /* fell behind: no burst to catch up */
        }
    }
}

void board_tick(void)
{
    uint32_t now = hal_millis();
    sense();
    protect();
    watchdog(now);
    drive();
    report(now);
}

void board_init(reset_cause_t cause)
{
    uint8_t *p = (uint8_t *)&b;
    for (uint16_t i = 0; i < sizeof b; i++) {
        p[i] = 0;
    }
    decoder_init(&b.decoder);
    hal_motor_off();
    b.period_ms = TELEMETRY_DEFAULT_MS;
    b.next_telemetry_ms = hal_millis() + 1; /* the first report at the first tick */
    if (cause == RESET_WATCHDOG) {
        b.latched = FAULT_INTERNAL; /* the firmware hung and the hardware watchdog reset it */
    }
}

void board_state(board_state_t *out)
{
    out->target_ppm = b.target_ppm;
    out->setpoint_ppm = b.setpoint_ppm;
    out->duty = b.driving ? b.regulator.duty : 0;
    out->driving = b.driving;
    out->latched = b.latched;
    out->present = b.present;
    out->watchdog_armed = b.watchdog_armed;
    out->telemetry_period_ms = b.period_ms;
    out->dropped_frames = decoder_dropped(&b.decoder);
    out->unsent_packets = b.unsent;
}
