// A small C program for `theater wasm run`: integer, 64-bit, float and memory work.
// Build: ./build.sh (clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry)
#define EXPORT(name) __attribute__((export_name(#name)))

EXPORT(fib) int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

EXPORT(factorial) unsigned long long factorial(unsigned n) {
    unsigned long long result = 1;
    for (unsigned i = 2; i <= n; i++) result *= i;
    return result;
}

EXPORT(gcd) int gcd(int a, int b) {
    while (b != 0) { int t = a % b; a = b; b = t; }
    return a < 0 ? -a : a;
}

EXPORT(collatz_steps) int collatz_steps(long long n) {
    int steps = 0;
    while (n > 1) { n = (n & 1) ? 3 * n + 1 : n / 2; steps++; }
    return steps;
}

EXPORT(newton_sqrt) double newton_sqrt(double x) {
    if (x <= 0) return 0;
    double guess = x;
    for (int i = 0; i < 60; i++) guess = 0.5 * (guess + x / guess);
    return guess;
}

EXPORT(mix_float) float mix_float(float a, float b, int steps) {
    float acc = a;
    for (int i = 0; i < steps; i++) acc = acc * 0.75f + b / (float)(i + 1);
    return acc;
}

static unsigned char sieve_buffer[1 << 16];

EXPORT(count_primes) int count_primes(int limit) {
    if (limit > (int)sizeof(sieve_buffer)) limit = sizeof(sieve_buffer);
    __builtin_memset(sieve_buffer, 1, limit);
    int count = 0;
    for (int i = 2; i < limit; i++) {
        if (!sieve_buffer[i]) continue;
        count++;
        for (int j = i * 2; j < limit; j += i) sieve_buffer[j] = 0;
    }
    return count;
}

static unsigned int crc_table[256];

EXPORT(crc32_of_pattern) unsigned int crc32_of_pattern(int length) {
    for (unsigned n = 0; n < 256; n++) {
        unsigned c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
    if (length > (int)sizeof(sieve_buffer)) length = sizeof(sieve_buffer);
    for (int i = 0; i < length; i++) sieve_buffer[i] = (unsigned char)(i * 31 + 7);
    unsigned crc = 0xFFFFFFFFu;
    for (int i = 0; i < length; i++) crc = crc_table[(crc ^ sieve_buffer[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

typedef int (*binary_op)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static binary_op operations[] = { add, sub, mul };

EXPORT(apply_ops) int apply_ops(int seed, int rounds) {
    int acc = seed;
    for (int i = 0; i < rounds; i++) acc = operations[i % 3](acc, i + 1);
    return acc;
}

EXPORT(divide) int divide(int a, int b) { return a / b; }
