#include "decoder.h"
#include "crc16.h"

void decoder_init(decoder_t *d)
{
    uint8_t *p = (uint8_t *)d;
    for (uint16_t i = 0; i < sizeof *d; i++) {
        p[i] = 0;
    }
}

static void restart(decoder_t *d)
{
    d->raw_len = 0;
    d->frame_len = 0;
    d->block_left = 0;
    d->block_code = 0;
    d->bad = 0;
}

static uint8_t end_of_frame(decoder_t *d)
{
    uint8_t n = 0;
    if (d->bad == DECODER_OVERLONG) {
        d->overlong_frames++;
    } else if (d->frame_len == 0) {
        /* back-to-back delimiters: nothing between them */
    } else if (d->bad == DECODER_BAD_COBS || d->block_left != 0) {
        d->cobs_errors++; /* a block ran past the end of the frame */
    } else if (d->raw_len < PACKET_OVERHEAD) {
        d->short_frames++;
    } else {
        uint8_t len = (uint8_t)(d->raw_len - 2);
        if (crc16(d->raw, len) == get_u16(d->raw + len)) {
            n = len;
        } else {
            d->crc_errors++;
        }
    }
    restart(d);
    return n;
}

static void append(decoder_t *d, uint8_t b)
{
    if (d->raw_len == PACKET_MAX) {
        d->bad = DECODER_BAD_COBS; /* cannot happen within FRAME_MAX - 1 encoded bytes; kept as a guard */
    } else {
        d->raw[d->raw_len++] = b;
    }
}

uint8_t decoder_feed(decoder_t *d, uint8_t byte)
{
    if (byte == 0) {
        return end_of_frame(d);
    }
    if (d->bad == DECODER_OVERLONG) {
        return 0;
    }
    if (d->frame_len == FRAME_MAX - 1) {
        d->bad = DECODER_OVERLONG; /* longer than any packet: discarded whole at the next 0x00 */
        return 0;
    }
    d->frame_len++;
    if (d->bad) {
        return 0;
    }
    if (d->block_left == 0) {
        /* a code byte: the block before it, unless it was a full 254-byte run, ended in a zero */
        if (d->block_code != 0 && d->block_code != 0xFF) {
            append(d, 0);
        }
        d->block_code = byte;
        d->block_left = (uint8_t)(byte - 1);
    } else {
        append(d, byte);
        d->block_left--;
    }
    return 0;
}

uint16_t decoder_dropped(const decoder_t *d)
{
    return (uint16_t)(d->overlong_frames + d->cobs_errors + d->short_frames + d->crc_errors);
}
