#include "packet_text.h"
#include "packet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    uint8_t size;      /* 1, 2 or 4 bytes */
    uint8_t is_signed;
} field_t;

typedef struct {
    uint8_t type;
    const char *name;
    uint8_t count;
    field_t fields[8];
} layout_t;

/* PROTOCOL.md's packet tables. */
static const layout_t LAYOUTS[] = {
    {PKT_HELLO, "HELLO", 1, {{"protocol_version", 1, 0}}},
    {PKT_SET_SPEED, "SET_SPEED", 1, {{"target_ppm", 2, 0}}},
    {PKT_STOP, "STOP", 0, {{0}}},
    {PKT_PING, "PING", 0, {{0}}},
    {PKT_CLEAR_FAULTS, "CLEAR_FAULTS", 0, {{0}}},
    {PKT_SET_TELEMETRY_PERIOD, "SET_TELEMETRY_PERIOD", 1, {{"period_ms", 2, 0}}},
    {PKT_ACK, "ACK", 1, {{"acked_seq", 1, 0}}},
    {PKT_NACK, "NACK", 2, {{"acked_seq", 1, 0}, {"reason", 1, 0}}},
    {PKT_HELLO_REPLY, "HELLO_REPLY", 5,
     {{"protocol_version", 1, 0}, {"min_ppm", 2, 0}, {"max_ppm", 2, 0}, {"capabilities", 1, 0},
      {"watchdog_ms", 2, 0}}},
    {PKT_TELEMETRY, "TELEMETRY", 7,
     {{"measured_ppm", 2, 0}, {"current_ma", 2, 0}, {"temperature_dC", 2, 1}, {"supply_mv", 2, 0},
      {"inputs", 1, 0}, {"faults", 2, 0}, {"uptime_ms", 4, 0}}},
};

static const layout_t *by_type(uint8_t type)
{
    for (size_t i = 0; i < sizeof LAYOUTS / sizeof LAYOUTS[0]; i++) {
        if (LAYOUTS[i].type == type) {
            return &LAYOUTS[i];
        }
    }
    return NULL;
}

static const layout_t *by_name(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof LAYOUTS / sizeof LAYOUTS[0]; i++) {
        if (strlen(LAYOUTS[i].name) == len && strncmp(LAYOUTS[i].name, name, len) == 0) {
            return &LAYOUTS[i];
        }
    }
    return NULL;
}

static long read_field(const uint8_t *p, const field_t *f)
{
    switch (f->size) {
    case 1: return p[0];
    case 2: return f->is_signed ? (long)(int16_t)get_u16(p) : (long)get_u16(p);
    default: return (long)get_u32(p);
    }
}

void packet_describe(const uint8_t *raw, uint8_t n, char *out, size_t size)
{
    size_t w = 0;
#define PUT(...) do { int k = snprintf(out + w, w < size ? size - w : 0, __VA_ARGS__); \
                      if (k > 0) w += (size_t)k; } while (0)
    const layout_t *l = by_type(raw[0]);
    uint8_t payload = (uint8_t)(n - 2);
    if (l == NULL || payload != packet_payload_length(raw[0])) {
        if (l == NULL) {
            PUT("UNKNOWN(0x%02x) seq=%u payload=", raw[0], raw[1]);
        } else {
            PUT("%s(bad length %u) seq=%u payload=", l->name, payload, raw[1]);
        }
        for (uint8_t i = 2; i < n; i++) {
            PUT("%02x", raw[i]);
        }
        return;
    }
    PUT("%s seq=%u", l->name, raw[1]);
    const uint8_t *p = raw + 2;
    for (uint8_t i = 0; i < l->count; i++) {
        PUT(" %s=%ld", l->fields[i].name, read_field(p, &l->fields[i]));
        p += l->fields[i].size;
    }
#undef PUT
}

static int fail(char *err, size_t size, const char *what, const char *near)
{
    snprintf(err, size, "%s at \"%.20s\"", what, near);
    return -1;
}

int packet_parse(const char *text, uint8_t *raw, char *err, size_t err_size)
{
    const char *s = text + strspn(text, " \t");
    size_t len = strcspn(s, " \t");
    const layout_t *l = by_name(s, len);
    if (l == NULL) {
        return fail(err, err_size, "unknown packet type", s);
    }
    raw[0] = l->type;
    uint32_t seen = 0;
    s += len;
    for (;;) {
        s += strspn(s, " \t");
        if (*s == '\0') {
            break;
        }
        const char *eq = strchr(s, '=');
        size_t key_len = strcspn(s, "= \t");
        if (eq == NULL || eq != s + key_len) {
            return fail(err, err_size, "expected field=value", s);
        }
        int index = -2; /* -1 is seq */
        if (key_len == 3 && strncmp(s, "seq", 3) == 0) {
            index = -1;
        }
        for (uint8_t i = 0; i < l->count && index == -2; i++) {
            if (strlen(l->fields[i].name) == key_len && strncmp(s, l->fields[i].name, key_len) == 0) {
                index = i;
            }
        }
        if (index == -2) {
            return fail(err, err_size, "no such field in this packet type", s);
        }
        if (seen & (1u << (index + 1))) {
            return fail(err, err_size, "field given twice", s);
        }
        seen |= 1u << (index + 1);
        char *end;
        errno = 0;
        long long v = strtoll(eq + 1, &end, 0);
        if (end == eq + 1 || errno != 0 || (*end != '\0' && *end != ' ' && *end != '\t')) {
            return fail(err, err_size, "not a number", eq + 1);
        }
        uint8_t size = index < 0 ? 1 : l->fields[index].size;
        int is_signed = index >= 0 && l->fields[index].is_signed;
        long long lo = is_signed ? -(1LL << (8 * size - 1)) : 0;
        long long hi = is_signed ? (1LL << (8 * size - 1)) - 1 : (1LL << (8 * size)) - 1;
        if (v < lo || v > hi) {
            return fail(err, err_size, "value out of range for the field", s);
        }
        uint8_t offset = 2;
        for (int i = 0; i < index; i++) {
            offset = (uint8_t)(offset + l->fields[i].size);
        }
        if (index < 0) {
            raw[1] = (uint8_t)v;
        } else if (size == 1) {
            raw[offset] = (uint8_t)v;
        } else if (size == 2) {
            put_u16(raw + offset, (uint16_t)v);
        } else {
            put_u32(raw + offset, (uint32_t)v);
        }
        s = end;
    }
    if (seen != (1u << (l->count + 1)) - 1) {
        return fail(err, err_size, "a field is missing (every field of the type, and seq)", text);
    }
    return 2 + packet_payload_length(l->type);
}
