/*
 * The firmware's codec (CRC, COBS, frames, the streaming decoder), compiled for this computer and
 * checked against docs/protocol-vectors.txt, the vectors the Java tests read too, and against
 * whatever a hostile line can send.
 *
 *   test_protocol PATH/TO/protocol-vectors.txt
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../src/protocol/crc16.h"
#include "../src/protocol/decoder.h"
#include "../src/protocol/packet.h"
#include "../src/protocol/packet_text.h"

/* Feeds n bytes; returns how many packets came out, the last one copied to last (its length in *last_len). */
static int feed(decoder_t *d, const uint8_t *bytes, size_t n, uint8_t *last, uint8_t *last_len)
{
    int packets = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t len = decoder_feed(d, bytes[i]);
        if (len) {
            packets++;
            if (last) {
                memcpy(last, d->raw, len);
                *last_len = len;
            }
        }
    }
    return packets;
}

static size_t parse_hex(const char *s, uint8_t *out, size_t max)
{
    size_t n = 0;
    unsigned v;
    int used;
    while (n < max && sscanf(s, " %2x%n", &v, &used) == 1) {
        out[n++] = (uint8_t)v;
        s += used;
    }
    return n;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) *--e = '\0';
    return s;
}

static void vectors(const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "cannot open %s", path);
    if (f == NULL) return;
    char line[512];
    int spec = 0, all = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = trim(line);
        if (*s == '#' || *s == '\0') continue;
        char *bar1 = strchr(s, '|');
        char *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
        CHECK(bar2 != NULL, "%s:%d: not 'source | packet | wire'", path, lineno);
        if (bar2 == NULL) continue;
        *bar1 = *bar2 = '\0';
        char *source = trim(s), *text = trim(bar1 + 1), *hex = trim(bar2 + 1);
        uint8_t wire[FRAME_MAX + 8], raw[PACKET_MAX], frame[FRAME_MAX];
        size_t wire_len = parse_hex(hex, wire, sizeof wire);
        char err[128];
        int n = packet_parse(text, raw, err, sizeof err);
        CHECK(n >= 2, "%s:%d: %s", path, lineno, err);
        if (n < 2) continue;
        all++;
        if (strcmp(source, "PROTOCOL.md") == 0) spec++;

        /* encoding gives the bytes */
        uint8_t len = packet_frame(raw[0], raw[1], raw + 2, (uint8_t)(n - 2), frame);
        CHECK(len == wire_len && memcmp(frame, wire, len) == 0, "%s:%d: %s encodes differently", path, lineno, text);

        /* decoding gives the packet, and the packet reads back as the same text */
        decoder_t d;
        decoder_init(&d);
        uint8_t got[PACKET_MAX], got_len = 0;
        CHECK_EQ(feed(&d, wire, wire_len, got, &got_len), 1, text);
        CHECK(got_len == n && memcmp(got, raw, (size_t)n) == 0, "%s:%d: %s decodes differently", path, lineno, text);
        char described[256];
        packet_describe(got, got_len, described, sizeof described);
        uint8_t again[PACKET_MAX];
        CHECK(packet_parse(described, again, err, sizeof err) == n && memcmp(again, raw, (size_t)n) == 0,
              "%s:%d: described as \"%s\"", path, lineno, described);
    }
    fclose(f);
    CHECK(spec == 6, "expected PROTOCOL.md's 6 vectors in %s, found %d", path, spec);
    printf("vectors: %d read from %s (%d from PROTOCOL.md)\n", all, path, spec);
}

static void crc_check_value(void)
{
    CHECK_EQ(crc16((const uint8_t *)"123456789", 9), 0x29B1, "CRC of \"123456789\"");
}

static const uint8_t PING9[] = {0x05, 0x04, 0x09, 0xe2, 0x40, 0x00};

static void resynchronises_after_garbage(void)
{
    decoder_t d;
    decoder_init(&d);
    const uint8_t junk[] = {0x13, 0x37, 0xff, 0x01, 0x02};
    CHECK_EQ(feed(&d, junk, sizeof junk, NULL, NULL), 0, "packets from junk");
    /* the junk runs into the PING's frame: both are lost together at its 0x00 */
    CHECK_EQ(feed(&d, PING9, sizeof PING9, NULL, NULL), 0, "a PING glued to junk");
    CHECK_EQ(decoder_dropped(&d), 1, "frames dropped");
    CHECK_EQ(feed(&d, PING9, sizeof PING9, NULL, NULL), 1, "the next PING");
    const uint8_t zeros[] = {0, 0, 0};
    CHECK_EQ(feed(&d, zeros, sizeof zeros, NULL, NULL), 0, "back-to-back delimiters");
    CHECK_EQ(decoder_dropped(&d), 1, "empty frames are not counted as dropped");
}

static void a_run_longer_than_any_frame_is_discarded_whole(void)
{
    decoder_t d;
    decoder_init(&d);
    uint8_t run[80];
    memset(run, 0x01, sizeof run); /* valid COBS: each 0x01 is an empty block, i.e. a zero byte */
    CHECK_EQ(feed(&d, run, sizeof run, NULL, NULL), 0, "overlong run");
    CHECK_EQ(feed(&d, PING9, sizeof PING9, NULL, NULL), 0, "a PING at the end of an overlong run");
    CHECK_EQ(d.overlong_frames, 1, "overlong frames");
    CHECK_EQ(feed(&d, PING9, sizeof PING9, NULL, NULL), 1, "the PING after it");
}

static void the_longest_frame_is_accepted_and_one_more_byte_is_not(void)
{
    uint8_t payload[60], frame[FRAME_MAX + 1];
    for (int i = 0; i < 60; i++) payload[i] = (uint8_t)(i + 1);
    uint8_t len = packet_frame(0x42, 1, payload, 60, frame);
    CHECK_EQ(len, FRAME_MAX, "the frame of a 64-byte packet");
    decoder_t d;
    decoder_init(&d);
    uint8_t got[PACKET_MAX], got_len = 0;
    CHECK_EQ(feed(&d, frame, len, got, &got_len), 1, "a 64-byte packet");
    CHECK_EQ(got_len, 62, "its length without CRC");
    /* one byte more before the delimiter */
    uint8_t longer[FRAME_MAX + 1];
    memcpy(longer, frame, len - 1u);
    longer[len - 1] = 0x55;
    longer[len] = 0;
    CHECK_EQ(feed(&d, longer, (size_t)len + 1, NULL, NULL), 0, "a frame one byte too long");
    CHECK_EQ(d.overlong_frames, 1, "overlong frames");
}

static void bad_cobs_short_frames_and_bad_crcs_are_dropped_and_counted(void)
{
    decoder_t d;
    decoder_init(&d);
    const uint8_t past_end[] = {0x09, 0x04, 0x09, 0x00}; /* a block announcing 8 bytes, 2 given */
    CHECK_EQ(feed(&d, past_end, sizeof past_end, NULL, NULL), 0, "a block past the end");
    CHECK_EQ(d.cobs_errors, 1, "COBS errors");
    const uint8_t short_frame[] = {0x03, 0x04, 0x09, 0x00}; /* type and seq, no CRC */
    CHECK_EQ(feed(&d, short_frame, sizeof short_frame, NULL, NULL), 0, "a short frame");
    CHECK_EQ(d.short_frames, 1, "short frames");
    for (int byte = 1; byte < 5; byte++) {
        for (int bit = 0; bit < 8; bit++) {
            uint8_t spoiled[sizeof PING9];
            memcpy(spoiled, PING9, sizeof PING9);
            spoiled[byte] ^= (uint8_t)(1u << bit);
            if (spoiled[byte] == 0) continue; /* becomes a delimiter: another test */
            int packets = feed(&d, spoiled, sizeof spoiled, NULL, NULL);
            CHECK_EQ(packets, 0, "a PING with one bit flipped");
        }
    }
    CHECK(d.crc_errors + d.cobs_errors > 1 + 20, "bit flips are counted: %u CRC, %u COBS", d.crc_errors, d.cobs_errors);
}

static uint32_t rng = 12345;
static uint32_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void every_packet_survives_a_round_trip(void)
{
    decoder_t d;
    decoder_init(&d);
    for (int round = 0; round < 20000; round++) {
        uint8_t n = (uint8_t)(next_random() % 61);
        uint8_t payload[60], frame[FRAME_MAX];
        for (uint8_t i = 0; i < n; i++) {
            uint32_t r = next_random() % 4;
            payload[i] = r == 0 ? 0 : r == 1 ? 0xFF : (uint8_t)next_random();
        }
        uint8_t type = (uint8_t)next_random(), seq = (uint8_t)next_random();
        uint8_t len = packet_frame(type, seq, payload, n, frame);
        int zeros = 0;
        for (uint8_t i = 0; i + 1 < len; i++) zeros += frame[i] == 0;
        CHECK_EQ(zeros, 0, "zero bytes inside a frame");
        uint8_t got[PACKET_MAX], got_len = 0;
        CHECK_EQ(feed(&d, frame, len, got, &got_len), 1, "packets from one frame");
        CHECK(got_len == n + 2 && got[0] == type && got[1] == seq && memcmp(got + 2, payload, n) == 0,
              "round trip of a %u-byte payload", n);
        if (check_failures) return;
    }
}

static void noise_never_yields_a_bad_packet(void)
{
    decoder_t d;
    decoder_init(&d);
    long packets = 0;
    for (long i = 0; i < 2000000; i++) {
        uint32_t r = next_random();
        uint8_t b = (r & 0xF00) == 0 ? 0 : (uint8_t)r; /* a delimiter now and then */
        uint8_t n = decoder_feed(&d, b);
        if (n) {
            packets++;
            CHECK(crc16(d.raw, n) == get_u16(d.raw + n), "a packet with a bad CRC came out");
        }
    }
    /* One frame in 65536 passes a 16-bit CRC by chance; the rest are counted as dropped. */
    printf("noise: 2000000 random bytes, %ld packets passed the CRC by chance, %u frames dropped\n",
           packets, (unsigned)decoder_dropped(&d));
    CHECK(packets < 20, "too many packets out of noise: %ld", packets);
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "../docs/protocol-vectors.txt";
    crc_check_value();
    vectors(path);
    resynchronises_after_garbage();
    a_run_longer_than_any_frame_is_discarded_whole();
    the_longest_frame_is_accepted_and_one_more_byte_is_not();
    bad_cobs_short_frames_and_bad_crcs_are_dropped_and_counted();
    every_packet_survives_a_round_trip();
    noise_never_yields_a_bad_packet();
    return check_report("test_protocol");
}
