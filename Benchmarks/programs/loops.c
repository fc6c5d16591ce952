/* Tight integer loops: Collatz step counts and a GCD sweep, all in locals
   (no memory traffic), exercising i32 arithmetic, compares and branches. */
#include "bench.h"

static u32 collatz_steps(u32 n) {
    u32 steps = 0;
    while (n != 1) {
        n = (n & 1) ? 3 * n + 1 : n >> 1;
        steps++;
    }
    return steps;
}

static u32 gcd(u32 a, u32 b) {
    while (b != 0) {
        u32 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

BENCH_EXPORT u32 run(i32 iterations) {
    u32 sum = 0;
    for (i32 i = 0; i < iterations; i++) {
        /* Starting values stay below 100,000, where no Collatz trajectory leaves u32. */
        u32 base = 1 + (u32)(i % 90) * 1000;
        for (u32 n = base; n < base + 1000; n++) sum += collatz_steps(n);
        for (u32 a = 1; a < 60; a++)
            for (u32 b = base; b < base + 40; b++) sum = sum * 3 + gcd(a * 7919u, b);
    }
    return sum;
}
