/*
 * CRC-16/CCITT-FALSE, the checksum of PROTOCOL.md: polynomial 0x1021, initial value 0xFFFF,
 * no reflection, no final xor. The ASCII bytes "123456789" give 0x29B1.
 *
 * Portable C (C99, no MCU registers): compiled for the board and for the host-side tests.
 */
#ifndef PERCUSS_CRC16_H
#define PERCUSS_CRC16_H

#include <stdint.h>

#define CRC16_INIT 0xFFFFu

/* The CRC after one more byte. */
uint16_t crc16_update(uint16_t crc, uint8_t byte);

/* The CRC of n bytes. */
uint16_t crc16(const uint8_t *data, uint8_t n);

#endif
