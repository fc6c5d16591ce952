/* 64-bit arithmetic: xorshift64* generation, 64-bit multiply/divide/remainder,
   modular exponentiation with 64-bit products, rotates and bit counts. */
#include "bench.h"

static u64 mulmod(u64 a, u64 b, u64 m) {
    /* Double-and-add keeps every intermediate below 2^63 for m < 2^62. */
    u64 r = 0;
    a %= m;
    while (b) {
        if (b & 1) { r += a; if (r >= m) r -= m; }
        a <<= 1; if (a >= m) a -= m;
        b >>= 1;
    }
    return r;
}

static u64 powmod(u64 base, u64 exp, u64 m) {
    u64 r = 1;
    while (exp) {
        if (exp & 1) r = mulmod(r, base, m);
        base = mulmod(base, base, m);
        exp >>= 1;
    }
    return r;
}

BENCH_EXPORT u32 run(i32 iterations) {
    u64 state = 0x9E3779B97F4A7C15ull;
    u64 acc = 0;
    for (i32 it = 0; it < iterations; it++) {
        for (u32 k = 0; k < 200; k++) {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27;
            u64 r = state * 0x2545F4914F6CDD1Dull;
            i64 s = (i64)r;
            u64 d = (r >> 40) | 1;
            acc += r / d + r % (d + 7) + (u64)(s / -((i64)(k + 3))) + (u64)(s % 97);
            acc ^= (acc << 13) | (acc >> 51);
            acc += (u64)__builtin_popcountll(r) + (u64)__builtin_clzll(r | 1) + (u64)__builtin_ctzll(r | (1ull << 63));
        }
        acc += powmod(state >> 3, 0x10001 + (u64)it, 0x3FFFFFFFFFFFFFC5ull);
    }
    return (u32)acc ^ (u32)(acc >> 32);
}
