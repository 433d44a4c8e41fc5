/*
 * Packets as text, with PROTOCOL.md's field names: "SET_SPEED seq=7 target_ppm=2200". For tools
 * on a computer, not for the board: the host-side tests read docs/protocol-vectors.txt with it,
 * and the simavr harness writes its packet trace with it.
 *
 * Portable C (C99, uses stdio), not linked into the firmware.
 */
#ifndef PERCUSS_PACKET_TEXT_H
#define PERCUSS_PACKET_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Writes a decoded packet (raw: type, seq, payload; n bytes, CRC excluded) as text into out.
 * An unknown type or a wrong payload length is written as such, with the payload in hex.
 */
void packet_describe(const uint8_t *raw, uint8_t n, char *out, size_t size);

/*
 * Reads "TYPE seq=N field=value ..." (every field of the type, in any order, each once) into raw
 * (type, seq, payload). Returns the packet's length, or -1 with the reason in err.
 */
int packet_parse(const char *text, uint8_t *raw, char *err, size_t err_size);

#endif
