#include "fake_hal.h"
#include "../src/board/board.h"
#include "../src/protocol/decoder.h"

#include <math.h>
#include <string.h>

fake_hal_t fake;

#define MAX_SENT 20000
static sent_t sent[MAX_SENT];
static int sent_count;
static decoder_t from_board;

uint16_t counts_for_current(uint32_t ma)
{
    uint32_t c = (ma * 1023u + 12500u) / 25000u;
    return (uint16_t)(c > 1023 ? 1023 : c);
}

uint16_t counts_for_supply(uint32_t mv)
{
    uint32_t c = (mv * 1023u + 14250u) / 28500u;
    return (uint16_t)(c > 1023 ? 1023 : c);
}

uint16_t counts_for_temperature(double celsius)
{
    double t = celsius + 273.15;
    double r = 10000 * exp(3950 * (1 / t - 1 / 298.15));
    return (uint16_t)lround(1023 * r / (r + 10000));
}

void fake_reset(void)
{
    memset(&fake, 0, sizeof fake);
    fake.analog.current = 0;
    fake.analog.temperature = counts_for_temperature(25);
    fake.analog.supply = counts_for_supply(16400);
    fake.link_room = 1 << 30;
    sent_count = 0;
    decoder_init(&from_board);
}

uint32_t hal_millis(void) { return fake.millis; }

void hal_motor_run(uint8_t duty)
{
    if (fake.estop_active) { /* as the AVR's HAL: the e-stop pin wins */
        hal_motor_off();
        return;
    }
    fake.motor_enabled = 1;
    fake.motor_duty = duty;
}

void hal_motor_off(void)
{
    fake.motor_enabled = 0;
    fake.motor_duty = 0;
}

void hal_analog(hal_analog_t *out) { *out = fake.analog; }
void hal_tach(hal_tach_t *out) { *out = fake.tach; }
uint8_t hal_buttons(void) { return fake.buttons; }
uint8_t hal_estop_active(void) { return fake.estop_active; }

uint8_t hal_estop_tripped(void)
{
    uint8_t t = fake.estop_tripped;
    fake.estop_tripped = 0;
    return t;
}

uint8_t hal_link_send(const uint8_t *frame, uint8_t n)
{
    if (fake.link_room < n) {
        return 0;
    }
    fake.link_room -= n;
    for (uint8_t i = 0; i < n; i++) {
        uint8_t len = decoder_feed(&from_board, frame[i]);
        if (len && sent_count < MAX_SENT) {
            memcpy(sent[sent_count].raw, from_board.raw, len);
            sent[sent_count].n = len;
            sent[sent_count].at_ms = fake.millis;
            sent_count++;
        }
    }
    return 1;
}

int fake_sent_count(void) { return sent_count; }
const sent_t *fake_sent(int i) { return i >= 0 && i < sent_count ? &sent[i] : NULL; }
void fake_clear_sent(void) { sent_count = 0; }

const sent_t *fake_last(uint8_t type)
{
    for (int i = sent_count - 1; i >= 0; i--) {
        if (sent[i].raw[0] == type) {
            return &sent[i];
        }
    }
    return NULL;
}

void host_send(uint8_t type, uint8_t seq, const uint8_t *payload, uint8_t n)
{
    uint8_t frame[FRAME_MAX];
    uint8_t len = packet_frame(type, seq, payload, n, frame);
    for (uint8_t i = 0; i < len; i++) {
        board_receive(frame[i]);
    }
}

void run_ms(uint32_t ms)
{
    for (uint32_t i = 0; i < ms; i++) {
        fake.millis++;
        fake.analog.current_samples++;
        board_tick();
    }
}
