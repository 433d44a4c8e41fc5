/*
 * The streaming decoder of PROTOCOL.md: bytes in, one at a time, whole packets out. It never
 * blocks, needs no more than its struct (70 bytes), and never yields a packet whose CRC does not
 * match. Bytes are decoded (COBS) as they come; at each 0x00 the frame ends: a frame longer than
 * FRAME_MAX - 1 bytes is discarded whole, one that is not valid COBS, shorter than a packet can
 * be or with a bad CRC is dropped and counted, and decoding starts afresh with the next byte.
 *
 * Portable C (C99, no MCU registers).
 */
#ifndef PERCUSS_DECODER_H
#define PERCUSS_DECODER_H

#include <stdint.h>
#include "packet.h"

typedef struct {
    uint8_t raw[PACKET_MAX]; /* the packet decoded so far: type, seq, payload, CRC */
    uint8_t raw_len;
    uint8_t frame_len;       /* encoded bytes of this frame so far */
    uint8_t block_left;      /* data bytes still due in the current COBS block */
    uint8_t block_code;      /* the current block's code byte; 0 before the first */
    uint8_t bad;             /* DECODER_OVERLONG or DECODER_BAD_COBS once this frame is lost */
    /* what was dropped, for a curious host or a debugger (wrapping counters) */
    uint16_t overlong_frames;
    uint16_t cobs_errors;
    uint16_t short_frames;
    uint16_t crc_errors;
} decoder_t;

#define DECODER_OVERLONG 1
#define DECODER_BAD_COBS 2

void decoder_init(decoder_t *d);

/*
 * Feeds one byte. Returns the packet's length (type, seq, payload: CRC excluded, >= 2) when this
 * byte ended a valid packet, now in d->raw; 0 otherwise.
 */
uint8_t decoder_feed(decoder_t *d, uint8_t byte);

/* Every frame dropped so far. */
uint16_t decoder_dropped(const decoder_t *d);

#endif
