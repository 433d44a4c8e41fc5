/*
 * Consistent Overhead Byte Stuffing, the framing of PROTOCOL.md: it removes every 0x00 from a
 * packet so that a single 0x00 can end each packet on the wire.
 *
 * The encoding is a sequence of blocks, each a code byte n (1..255) followed by n - 1 non-zero
 * data bytes; a block with n < 255 stands for its data followed by a zero, except at the very
 * end, where that zero is implied away. So k bytes encode to at most k + k/254 + 1 bytes.
 *
 * Portable C (C99, no MCU registers).
 */
#ifndef PERCUSS_COBS_H
#define PERCUSS_COBS_H

#include <stdint.h>

/* The most bytes n bytes can encode to, without the delimiter. */
#define COBS_MAX_ENCODED(n) ((n) + (n) / 254 + 1)

/* Encodes n bytes of in into out (room for COBS_MAX_ENCODED(n)); returns the bytes written. */
uint8_t cobs_encode(const uint8_t *in, uint8_t n, uint8_t *out);

#endif
