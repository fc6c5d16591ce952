/* Shared declarations for the benchmark programs: no libc, so only what clang provides. */
#ifndef THEATER_BENCH_H
#define THEATER_BENCH_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;
typedef long long i64;

/* Every program exports `run(iterations)` returning a 32-bit checksum of its work. */
#define BENCH_EXPORT __attribute__((export_name("run")))

/* Keeps the optimizer from folding work whose result is otherwise unused. */
#define OPAQUE(x) __asm__ volatile("" : "+r"(x))

#endif
