/* Call-heavy recursion: naive Fibonacci and Ackermann, so nearly every instruction
   is part of a call, a return or an argument shuffle. */
#include "bench.h"

__attribute__((noinline)) static u32 fib(u32 n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__attribute__((noinline)) static u32 ack(u32 m, u32 n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

BENCH_EXPORT u32 run(i32 iterations) {
    u32 sum = 0;
    for (i32 i = 0; i < iterations; i++) {
        u32 n = 20 + (u32)(i & 3);
        OPAQUE(n);
        sum = sum * 31 + fib(n);
        u32 m = 2;
        OPAQUE(m);
        sum ^= ack(m, 200 + (u32)(i & 7));
    }
    return sum;
}
