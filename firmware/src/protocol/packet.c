#include "packet.h"
#include "crc16.h"

int8_t packet_payload_length(uint8_t type)
{
    switch (type) {
    case PKT_HELLO: return 1;
    case PKT_SET_SPEED: return 2;
    case PKT_STOP: return 0;
    case PKT_PING: return 0;
    case PKT_CLEAR_FAULTS: return 0;
    case PKT_SET_TELEMETRY_PERIOD: return 2;
    case PKT_ACK: return 1;
    case PKT_NACK: return 2;
    case PKT_HELLO_REPLY: return 8;
    case PKT_TELEMETRY: return 15;
    default: return -1;
    }
}

uint8_t packet_frame(uint8_t type, uint8_t seq, const uint8_t *payload, uint8_t n, uint8_t *frame)
{
    uint8_t raw[PACKET_MAX];
    raw[0] = type;
    raw[1] = seq;
    for (uint8_t i = 0; i < n; i++) {
        raw[2 + i] = payload[i];
    }
    put_u16(raw + 2 + n, crc16(raw, (uint8_t)(2 + n)));
    uint8_t len = cobs_encode(raw, (uint8_t)(n + PACKET_OVERHEAD), frame);
    frame[len++] = 0;
    return len;
}
