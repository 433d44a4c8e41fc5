/*
 * The packets of PROTOCOL.md: type bytes, fixed payload lengths, NACK reasons, bit numbers, and
 * the frame builder (packet -> CRC -> COBS -> 0x00). All multi-byte integers are little-endian.
 *
 * Portable C (C99, no MCU registers).
 */
#ifndef PERCUSS_PACKET_H
#define PERCUSS_PACKET_H

#include <stdint.h>
#include "cobs.h"

#define PROTOCOL_VERSION 1

/* Host to board. */
#define PKT_HELLO 0x01                /* protocol_version u8 */
#define PKT_SET_SPEED 0x02            /* target_ppm u16 */
#define PKT_STOP 0x03
#define PKT_PING 0x04
#define PKT_CLEAR_FAULTS 0x05
#define PKT_SET_TELEMETRY_PERIOD 0x06 /* period_ms u16 */
/* Board to host. */
#define PKT_ACK 0x80                  /* acked_seq u8 */
#define PKT_NACK 0x8F                 /* acked_seq u8, reason u8 */
#define PKT_HELLO_REPLY 0x81          /* protocol_version u8, min_ppm u16, max_ppm u16, capabilities u8, watchdog_ms u16 */
#define PKT_TELEMETRY 0x82            /* measured_ppm u16, current_ma u16, temperature_dC i16, supply_mv u16,
                                         inputs u8, faults u16, uptime_ms u32 */

#define NACK_UNKNOWN_TYPE 1
#define NACK_BAD_LENGTH 2
#define NACK_OUT_OF_RANGE 3
#define NACK_FAULT_ACTIVE 4
#define NACK_UNSUPPORTED_VERSION 5

/* capabilities bits */
#define CAP_CURRENT (1u << 0)
#define CAP_TEMPERATURE (1u << 1)
#define CAP_SUPPLY (1u << 2)
#define CAP_MOTION (1u << 3)
#define CAP_BUTTONS (1u << 4)

/* inputs bits */
#define IN_POWER (1u << 0)
#define IN_PLUS (1u << 1)
#define IN_MINUS (1u << 2)
#define IN_ESTOP (1u << 3)
#define IN_MOTION (1u << 4)

/* faults bits */
#define FAULT_COMM_TIMEOUT (1u << 0)
#define FAULT_OVER_CURRENT (1u << 1)
#define FAULT_OVER_TEMPERATURE (1u << 2)
#define FAULT_UNDER_VOLTAGE (1u << 3)
#define FAULT_STALL (1u << 4)
#define FAULT_EMERGENCY_STOP (1u << 5)
#define FAULT_INTERNAL (1u << 6)

/* Type, seq and CRC: what every packet has besides its payload. */
#define PACKET_OVERHEAD 4
/* The longest decoded packet. */
#define PACKET_MAX 64
/* The longest frame on the wire: COBS of the longest packet plus the 0x00 delimiter. */
#define FRAME_MAX (COBS_MAX_ENCODED(PACKET_MAX) + 1)

/* The payload length of a known type, or -1 for a type this protocol version does not define. */
int8_t packet_payload_length(uint8_t type);

/*
 * Builds the wire frame of a packet: type, seq, the n payload bytes and the CRC, COBS-encoded,
 * followed by 0x00. frame must hold COBS_MAX_ENCODED(n + PACKET_OVERHEAD) + 1 bytes (n <= 60).
 * Returns the frame's length.
 */
uint8_t packet_frame(uint8_t type, uint8_t seq, const uint8_t *payload, uint8_t n, uint8_t *frame);

static inline void put_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void put_u32(uint8_t *p, uint32_t v)
{
    put_u16(p, (uint16_t)v);
    put_u16(p + 2, (uint16_t)(v >> 16));
}

static inline uint16_t get_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (uint16_t)p[1] << 8);
}

static inline uint32_t get_u32(const uint8_t *p)
{
    return get_u16(p) | (uint32_t)get_u16(p + 2) << 16;
}

#endif
