#include "cobs.h"

uint8_t cobs_encode(const uint8_t *in, uint8_t n, uint8_t *out)
{
    uint8_t code_at = 0;
    uint8_t w = 1;
    uint8_t code = 1;
    for (uint8_t i = 0; i < n; i++) {
        if (in[i] == 0) {
            out[code_at] = code;
            code_at = w++;
            code = 1;
        } else {
            out[w++] = in[i];
            if (++code == 0xFF) {
                out[code_at] = code;
                code_at = w++;
                code = 1;
            }
        }
    }
    out[code_at] = code;
    return w;
}
