/* Byte-array and word memory traffic: a sieve of Eratosthenes over a byte array,
   then byte-wise reversal and a word-wise prefix sum over the same buffer. */
#include "bench.h"

#define SIEVE_SIZE 200000
static u8 sieve[SIEVE_SIZE];
static u32 words[SIEVE_SIZE / 4];

BENCH_EXPORT u32 run(i32 iterations) {
    u32 sum = 0;
    for (i32 it = 0; it < iterations; it++) {
        u32 limit = SIEVE_SIZE - (u32)(it & 15);
        for (u32 i = 0; i < limit; i++) sieve[i] = 1;
        sieve[0] = sieve[1] = 0;
        for (u32 i = 2; i * i < limit; i++)
            if (sieve[i])
                for (u32 j = i * i; j < limit; j += i) sieve[j] = 0;
        u32 primes = 0;
        for (u32 i = 0; i < limit; i++) primes += sieve[i];
        /* Reverse the bytes in place, one byte at a time. */
        for (u32 i = 0, j = limit - 1; i < j; i++, j--) {
            u8 t = sieve[i];
            sieve[i] = sieve[j];
            sieve[j] = (u8)(t + (u8)i);
        }
        /* Word traffic: running sum through a second array. */
        u32 acc = primes;
        for (u32 i = 0; i < SIEVE_SIZE / 4; i++) {
            acc = acc * 5 + sieve[i * 4 + 1];
            words[i] = acc;
        }
        for (u32 i = 1; i < SIEVE_SIZE / 4; i++) words[i] ^= words[i - 1] >> 3;
        sum = sum * 33 + primes + words[SIEVE_SIZE / 4 - 1];
    }
    return sum;
}
