/*
 * The board's logic (src/board) against PROTOCOL.md's "Board behaviour", on a HAL in memory and a
 * millisecond clock the test advances: answers and refusals, the watchdog, fault latching and
 * clearing, the board's own protections, telemetry timing, the ramp.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fake_hal.h"
#include "../src/board/board.h"
#include "../src/board/board_config.h"
#include "../src/board/sensors.h"
#include "../src/protocol/packet.h"

static uint8_t seq;

static void power_up(reset_cause_t cause)
{
    fake_reset();
    board_init(cause);
    seq = 0;
}

static void command(uint8_t type, const uint8_t *payload, uint8_t n)
{
    host_send(type, seq++, payload, n);
}

static void set_speed(uint16_t ppm)
{
    uint8_t p[2];
    put_u16(p, ppm);
    command(PKT_SET_SPEED, p, 2);
}

/* The answer to the last command: ACK (returns 0) or NACK (returns its reason); -1 if none. */
static int answer(void)
{
    uint8_t acked = (uint8_t)(seq - 1);
    for (int i = fake_sent_count() - 1; i >= 0; i--) {
        const sent_t *s = fake_sent(i);
        if (s->raw[0] == PKT_ACK && s->raw[2] == acked) return 0;
        if (s->raw[0] == PKT_NACK && s->raw[2] == acked) return s->raw[3];
    }
    return -1;
}

static uint16_t faults(void)
{
    const sent_t *t = fake_last(PKT_TELEMETRY);
    return t ? get_u16(t->raw + 2 + 9) : 0xFFFF;
}

static uint8_t inputs(void)
{
    const sent_t *t = fake_last(PKT_TELEMETRY);
    return t ? t->raw[2 + 8] : 0xFF;
}

static uint16_t latched(void)
{
    board_state_t s;
    board_state(&s);
    return s.latched;
}

static void telemetry_from_power_up_every_period_and_no_watchdog_before_the_host_speaks(void)
{
    power_up(RESET_POWER_ON);
    run_ms(1000);
    int reports = 0;
    uint32_t last_uptime = 0;
    uint8_t last_seq = 0;
    for (int i = 0; i < fake_sent_count(); i++) {
        const sent_t *s = fake_sent(i);
        CHECK_EQ(s->raw[0], PKT_TELEMETRY, "only telemetry before the host speaks");
        uint32_t uptime = get_u32(s->raw + 2 + 11);
        if (reports > 0) {
            CHECK_EQ(uptime - last_uptime, 20, "telemetry period");
            CHECK_EQ((uint8_t)(s->raw[1] - last_seq), 1, "consecutive seq");
        }
        CHECK_EQ(get_u16(s->raw + 2 + 9), 0, "no fault (the watchdog is not armed)");
        CHECK_EQ(get_u16(s->raw + 2), 0, "motor still");
        last_uptime = uptime;
        last_seq = s->raw[1];
        reports++;
    }
    CHECK_EQ(reports, 50, "reports in the first second");
    CHECK_EQ(get_u32(fake_sent(0)->raw + 2 + 11), 1, "the first report's uptime (ms)");
    CHECK_EQ(fake.motor_enabled, 0, "driver disabled");
}

static void hello_is_answered_with_the_boards_description(void)
{
    power_up(RESET_POWER_ON);
    uint8_t v = 1;
    command(PKT_HELLO, &v, 1);
    const sent_t *r = fake_last(PKT_HELLO_REPLY);
    CHECK(r != NULL, "no HELLO_REPLY");
    if (r) {
        CHECK_EQ(r->raw[2], 1, "protocol_version");
        CHECK_EQ(get_u16(r->raw + 3), BOARD_MIN_PPM, "min_ppm");
        CHECK_EQ(get_u16(r->raw + 5), BOARD_MAX_PPM, "max_ppm");
        CHECK_EQ(r->raw[7], 0x17, "capabilities: current, temperature, supply, buttons");
        CHECK_EQ(get_u16(r->raw + 8), 250, "watchdog_ms");
    }
    v = 2;
    command(PKT_HELLO, &v, 1);
    CHECK_EQ(answer(), NACK_UNSUPPORTED_VERSION, "HELLO version 2");
}

static void every_command_is_acked_or_nacked_with_its_reason(void)
{
    power_up(RESET_POWER_ON);
    command(PKT_PING, NULL, 0);
    CHECK_EQ(answer(), 0, "PING");
    command(PKT_STOP, NULL, 0);
    CHECK_EQ(answer(), 0, "STOP");
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), 0, "CLEAR_FAULTS with nothing latched");
    command(0x42, (const uint8_t *)"\x01\x02", 2);
    CHECK_EQ(answer(), NACK_UNKNOWN_TYPE, "type 0x42");
    command(PKT_ACK, (const uint8_t *)"\x01", 1);
    CHECK_EQ(answer(), NACK_UNKNOWN_TYPE, "a board-to-host type from the host");
    command(PKT_SET_SPEED, (const uint8_t *)"\x07", 1);
    CHECK_EQ(answer(), NACK_BAD_LENGTH, "SET_SPEED with one payload byte");
    command(PKT_PING, (const uint8_t *)"\x07", 1);
    CHECK_EQ(answer(), NACK_BAD_LENGTH, "PING with a payload");
    const uint16_t cases[][2] = {{999, NACK_OUT_OF_RANGE}, {1000, 0}, {3500, 0}, {3501, NACK_OUT_OF_RANGE},
                                 {0, 0}, {65535, NACK_OUT_OF_RANGE}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        set_speed(cases[i][0]);
        char what[40];
        snprintf(what, sizeof what, "SET_SPEED %u", cases[i][0]);
        CHECK_EQ(answer(), cases[i][1], what);
    }
    const uint16_t periods[][2] = {{9, NACK_OUT_OF_RANGE}, {10, 0}, {1000, 0}, {1001, NACK_OUT_OF_RANGE}, {0, NACK_OUT_OF_RANGE}};
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
        uint8_t p[2];
        put_u16(p, periods[i][0]);
        command(PKT_SET_TELEMETRY_PERIOD, p, 2);
        char what[40];
        snprintf(what, sizeof what, "SET_TELEMETRY_PERIOD %u", periods[i][0]);
        CHECK_EQ(answer(), periods[i][1], what);
    }
    /* seq 255 and the wrap */
    seq = 255;
    command(PKT_PING, NULL, 0);
    CHECK_EQ(answer(), 0, "PING seq 255");
    CHECK_EQ(seq, 0, "wrapped");
}

static void a_bad_crc_is_dropped_silently_and_does_not_feed_the_watchdog(void)
{
    power_up(RESET_POWER_ON);
    command(PKT_PING, NULL, 0); /* arms the watchdog at t = 0 */
    fake_clear_sent();
    for (int i = 0; i < 20; i++) {
        run_ms(10);
        uint8_t frame[FRAME_MAX];
        uint8_t len = packet_frame(PKT_PING, seq++, NULL, 0, frame);
        frame[2] ^= 0x80; /* the seq byte (never 0 after this): the CRC no longer matches */
        for (uint8_t k = 0; k < len; k++) board_receive(frame[k]);
    }
    for (int i = 0; i < fake_sent_count(); i++) {
        CHECK(fake_sent(i)->raw[0] == PKT_TELEMETRY, "an answer to a bad frame: type 0x%02x", fake_sent(i)->raw[0]);
    }
    board_state_t s;
    board_state(&s);
    CHECK_EQ(s.dropped_frames, 20, "frames counted as dropped");
    run_ms(50);
    CHECK_EQ(latched(), 0, "250 ms after the last valid packet");
    run_ms(1);
    CHECK_EQ(latched(), FAULT_COMM_TIMEOUT, "251 ms after the last valid packet");
}

static void the_watchdog_arms_on_the_first_valid_packet_and_a_nack_feeds_it(void)
{
    power_up(RESET_POWER_ON);
    run_ms(600);
    CHECK_EQ(latched(), 0, "silence before the first packet");
    command(0x42, NULL, 0); /* NACKed, but valid */
    CHECK_EQ(answer(), NACK_UNKNOWN_TYPE, "type 0x42");
    for (int i = 0; i < 5; i++) {
        run_ms(200);
        set_speed(99); /* NACK OUT_OF_RANGE, and fed */
    }
    CHECK_EQ(latched(), 0, "fed by NACKed packets for 1 s");
    run_ms(250);
    CHECK_EQ(latched(), 0, "250 ms of silence");
    run_ms(1);
    CHECK_EQ(latched(), FAULT_COMM_TIMEOUT, "251 ms of silence");
    CHECK_EQ(fake.motor_enabled, 0, "driver off");
}

static void faults_latch_refuse_speeds_and_clear_only_when_gone(void)
{
    power_up(RESET_POWER_ON);
    set_speed(1500);
    CHECK_EQ(answer(), 0, "SET_SPEED 1500");
    run_ms(100);
    CHECK_EQ(fake.motor_enabled, 1, "running");
    fake.estop_active = 1;
    fake.estop_tripped = 1;
    set_speed(1500); /* keeps the watchdog fed */
    run_ms(1);
    CHECK_EQ(fake.motor_enabled, 0, "the e-stop stops the motor");
    run_ms(20);
    CHECK_EQ(faults(), FAULT_EMERGENCY_STOP, "reported");
    CHECK(inputs() & IN_ESTOP, "inputs bit 3: %02x", inputs());
    set_speed(1500);
    CHECK_EQ(answer(), NACK_FAULT_ACTIVE, "a speed while latched");
    set_speed(0);
    CHECK_EQ(answer(), 0, "SET_SPEED 0 while latched");
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), NACK_FAULT_ACTIVE, "CLEAR_FAULTS while the e-stop is held");
    fake.estop_active = 0;
    run_ms(20);
    CHECK_EQ(faults(), FAULT_EMERGENCY_STOP, "still latched after release");
    CHECK(!(inputs() & IN_ESTOP), "inputs bit 3 clear after release");
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), 0, "CLEAR_FAULTS after release");
    run_ms(20);
    CHECK_EQ(faults(), 0, "cleared");
    CHECK_EQ(fake.motor_enabled, 0, "stopped until a new SET_SPEED");
    set_speed(1500);
    CHECK_EQ(answer(), 0, "SET_SPEED after clearing");
    run_ms(1);
    CHECK_EQ(fake.motor_enabled, 1, "runs again");

    /* an e-stop pulse shorter than a tick, seen only by the interrupt, latches too */
    fake.estop_tripped = 1;
    run_ms(1);
    CHECK_EQ(latched(), FAULT_EMERGENCY_STOP, "a short e-stop pulse");
}

static void protections(void)
{
    /* over-current: above 7.5 A for 300 ms */
    power_up(RESET_POWER_ON);
    set_speed(2000);
    fake.analog.current = counts_for_current(7800);
    for (int i = 0; i < 299; i++) {
        run_ms(1);
        if (i % 100 == 0) set_speed(2000);
    }
    CHECK_EQ(latched(), 0, "7.8 A for 299 ms");
    run_ms(1);
    CHECK_EQ(latched(), FAULT_OVER_CURRENT, "7.8 A for 300 ms");
    fake.analog.current = counts_for_current(1000);
    run_ms(1);
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), 0, "cleared once the current is normal");

    /* over-current: a short, above 12 A in two samples */
    power_up(RESET_POWER_ON);
    fake.analog.current = counts_for_current(13000);
    run_ms(1);
    CHECK_EQ(latched(), 0, "one sample over 12 A");
    run_ms(1);
    CHECK_EQ(latched(), FAULT_OVER_CURRENT, "two samples over 12 A");

    /* over-temperature: above 90.0 deg C, present until under 85.0 */
    power_up(RESET_POWER_ON);
    fake.analog.temperature = counts_for_temperature(89);
    run_ms(10);
    CHECK_EQ(latched(), 0, "89 deg C");
    fake.analog.temperature = counts_for_temperature(91.5);
    run_ms(1);
    CHECK_EQ(latched(), FAULT_OVER_TEMPERATURE, "91.5 deg C");
    fake.analog.temperature = counts_for_temperature(87);
    run_ms(1);
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), NACK_FAULT_ACTIVE, "CLEAR_FAULTS at 87 deg C");
    fake.analog.temperature = counts_for_temperature(84);
    run_ms(1);
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), 0, "CLEAR_FAULTS at 84 deg C");

    /* under-voltage: under 11.0 V for 100 ms */
    power_up(RESET_POWER_ON);
    fake.analog.supply = counts_for_supply(10800);
    run_ms(99);
    CHECK_EQ(latched(), 0, "10.8 V for 99 ms");
    run_ms(1);
    CHECK_EQ(latched(), FAULT_UNDER_VOLTAGE, "10.8 V for 100 ms");

    /* stall: full duty, no pulses, for 1 s (the setpoint ramps for 480 ms and the integral
       takes a while more to saturate the duty) */
    power_up(RESET_POWER_ON);
    set_speed(1200);
    int tripped_at = -1;
    for (int ms = 1; ms <= 2000 && tripped_at < 0; ms++) {
        run_ms(1);
        if (ms % 100 == 0) set_speed(1200);
        if (latched()) tripped_at = ms;
    }
    CHECK_EQ(latched(), FAULT_STALL, "a rotor that never turns");
    CHECK(tripped_at > 1000 && tripped_at < 1700, "stall after %d ms", tripped_at);
}

static void a_watchdog_reset_comes_up_with_the_motor_off_and_internal_latched(void)
{
    power_up(RESET_WATCHDOG);
    CHECK_EQ(fake.motor_enabled, 0, "driver off at boot");
    run_ms(1);
    CHECK_EQ(faults(), FAULT_INTERNAL, "the first report");
    uint8_t v = 1;
    command(PKT_HELLO, &v, 1);
    set_speed(1500);
    CHECK_EQ(answer(), NACK_FAULT_ACTIVE, "no speed until cleared");
    command(PKT_CLEAR_FAULTS, NULL, 0);
    CHECK_EQ(answer(), 0, "CLEAR_FAULTS");
    run_ms(20);
    CHECK_EQ(faults(), 0, "cleared");
}

static void the_telemetry_period_can_be_changed(void)
{
    power_up(RESET_POWER_ON);
    run_ms(5);
    uint8_t p[2];
    put_u16(p, 50);
    command(PKT_SET_TELEMETRY_PERIOD, p, 2);
    fake_clear_sent();
    run_ms(500);
    int reports = 0;
    for (int i = 0; i < fake_sent_count(); i++) {
        if (fake_sent(i)->raw[0] == PKT_TELEMETRY) {
            CHECK_EQ(fake_sent(i)->at_ms % 50, 5, "report times");
            reports++;
        }
    }
    CHECK_EQ(reports, 10, "reports in 500 ms at 50 ms");
}

static void the_setpoint_rises_at_most_2500_ppm_a_second_and_falls_at_once(void)
{
    power_up(RESET_POWER_ON);
    set_speed(3000);
    board_state_t s;
    uint16_t before = 0;
    for (int ms = 1; ms <= 1300; ms++) {
        run_ms(1);
        if (ms % 100 == 0) set_speed(3000);
        board_state(&s);
        CHECK(s.setpoint_ppm - before <= 3, "rose %d ppm in 1 ms", s.setpoint_ppm - before);
        before = s.setpoint_ppm;
    }
    CHECK_EQ(s.setpoint_ppm, 3000, "reached after 1.2 s");
    set_speed(1200);
    run_ms(1);
    board_state(&s);
    CHECK_EQ(s.setpoint_ppm, 1200, "a lower speed at once");
    command(PKT_STOP, NULL, 0);
    board_state(&s);
    CHECK_EQ(s.setpoint_ppm, 0, "STOP at once");
    CHECK_EQ(s.target_ppm, 0, "STOP forgets the target");
}

static void buttons_are_debounced_and_reported(void)
{
    power_up(RESET_POWER_ON);
    fake.buttons = IN_PLUS;
    run_ms(3);
    fake.buttons = 0;
    run_ms(30);
    for (int i = 0; i < fake_sent_count(); i++) {
        CHECK_EQ(fake_sent(i)->raw[2 + 8] & IN_PLUS, 0, "a 3 ms bounce is not a press");
    }
    fake.buttons = IN_POWER | IN_MINUS;
    run_ms(40);
    CHECK_EQ(inputs(), IN_POWER | IN_MINUS, "held buttons");
}

static void a_full_link_queue_drops_whole_packets(void)
{
    power_up(RESET_POWER_ON);
    fake.link_room = 30; /* one 21-byte telemetry frame fits, a second does not */
    run_ms(40);
    board_state_t s;
    board_state(&s);
    CHECK_EQ(fake_sent_count(), 1, "packets sent");
    CHECK_EQ(s.unsent_packets, 1, "packets dropped");
}

static void the_ntc_table_follows_the_beta_formula(void)
{
    /* Worst error of table and interpolation, the ADC's rounding included: within 0.5 deg C from
       0 to 100 deg C (where the trips are); the ADC itself steps 1.7 deg C at 140 deg C. */
    double worst_mid = 0, worst = 0;
    for (double c = -20; c <= 140; c += 0.1) {
        double error = sensors_temperature_dc(counts_for_temperature(c)) / 10.0 - c;
        if (error < 0) error = -error;
        if (c >= 0 && c <= 100 && error > worst_mid) worst_mid = error;
        if (error > worst) worst = error;
    }
    CHECK(worst_mid <= 0.5, "worst NTC error from 0 to 100 deg C: %.2f", worst_mid);
    CHECK(worst <= 1.5, "worst NTC error from -20 to 140 deg C: %.2f", worst);
    printf("ntc: worst error %.2f deg C over 0..100, %.2f over -20..140 (ADC rounding included)\n", worst_mid, worst);
    CHECK_EQ(sensors_current_ma(1023), 25000, "current full scale");
    CHECK_EQ(sensors_supply_mv(counts_for_supply(16400)) / 100, 164, "16.4 V");
}

int main(void)
{
    telemetry_from_power_up_every_period_and_no_watchdog_before_the_host_speaks();
    hello_is_answered_with_the_boards_description();
    every_command_is_acked_or_nacked_with_its_reason();
    a_bad_crc_is_dropped_silently_and_does_not_feed_the_watchdog();
    the_watchdog_arms_on_the_first_valid_packet_and_a_nack_feeds_it();
    faults_latch_refuse_speeds_and_clear_only_when_gone();
    protections();
    a_watchdog_reset_comes_up_with_the_motor_off_and_internal_latched();
    the_telemetry_period_can_be_changed();
    the_setpoint_rises_at_most_2500_ppm_a_second_and_falls_at_once();
    buttons_are_debounced_and_reported();
    a_full_link_queue_drops_whole_packets();
    the_ntc_table_follows_the_beta_formula();
    return check_report("test_board");
}
