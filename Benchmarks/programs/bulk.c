/* memory.copy / memory.fill: block moves and fills of varying sizes and
   overlapping ranges, built with -mbulk-memory so memcpy/memmove/memset become
   the bulk-memory instructions rather than byte loops. */
#include "bench.h"

#define ARENA 262144
static u8 arena[ARENA];

BENCH_EXPORT u32 run(i32 iterations) {
    u32 sum = 0;
    u32 x = 2463534242u;
    for (u32 i = 0; i < ARENA; i++) arena[i] = (u8)(i * 7 + (i >> 8));
    for (i32 it = 0; it < iterations; it++) {
        for (u32 k = 0; k < 64; k++) {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            u32 len = 256 + (x & 8191);
            u32 src = (x >> 7) % (ARENA - len);
            u32 dst = (x >> 3) % (ARENA - len);
            __builtin_memset(arena + dst, (int)(k + (u32)it + 1), len / 2);
            __builtin_memmove(arena + dst, arena + src, len);   /* may overlap */
            __builtin_memcpy(arena + (ARENA - len) - (src & 1023), arena + (dst & 4095), len / 4);
            sum = sum * 31 + arena[(dst + len / 3) % ARENA] + arena[src];
        }
        __builtin_memset(arena + (it & 4095), (int)it + 3, ARENA / 4);
        __builtin_memmove(arena + 1, arena, ARENA - 1);
        sum += arena[ARENA - 1 - (it & 255)];
    }
    return sum;
}
