/* Hashing: FNV-1a over a buffer byte by byte, a Murmur3-style 32-bit block hash,
   and SHA-256 compression rounds (rotates, shifts, adds, word loads). */
#include "bench.h"

#define BUF_SIZE 16384
static u8 buffer[BUF_SIZE];

static u32 rotr(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }
static u32 rotl(u32 x, u32 n) { return (x << n) | (x >> (32 - n)); }

static u32 fnv1a(const u8 *p, u32 len) {
    u32 h = 2166136261u;
    for (u32 i = 0; i < len; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

static u32 murmur(const u8 *p, u32 len, u32 seed) {
    u32 h = seed;
    const u32 *blocks = (const u32 *)p;
    for (u32 i = 0; i < len / 4; i++) {
        u32 k = blocks[i] * 0xcc9e2d51u;
        k = rotl(k, 15) * 0x1b873593u;
        h = rotl(h ^ k, 13) * 5 + 0xe6546b64u;
    }
    h ^= len;
    h ^= h >> 16; h *= 0x85ebca6bu; h ^= h >> 13; h *= 0xc2b2ae35u; h ^= h >> 16;
    return h;
}

static const u32 K[64] = {
    0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
    0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
    0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
    0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
    0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,
    0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
    0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,
    0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2};

static void sha256_block(u32 state[8], const u8 *block) {
    u32 w[64];
    for (u32 i = 0; i < 16; i++)
        w[i] = ((u32)block[4*i] << 24) | ((u32)block[4*i+1] << 16) | ((u32)block[4*i+2] << 8) | block[4*i+3];
    for (u32 i = 16; i < 64; i++) {
        u32 s0 = rotr(w[i-15], 7) ^ rotr(w[i-15], 18) ^ (w[i-15] >> 3);
        u32 s1 = rotr(w[i-2], 17) ^ rotr(w[i-2], 19) ^ (w[i-2] >> 10);
        w[i] = w[i-16] + s0 + w[i-7] + s1;
    }
    u32 a = state[0], b = state[1], c = state[2], d = state[3];
    u32 e = state[4], f = state[5], g = state[6], h = state[7];
    for (u32 i = 0; i < 64; i++) {
        u32 t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        u32 t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

BENCH_EXPORT u32 run(i32 iterations) {
    u32 x = 12345;
    for (u32 i = 0; i < BUF_SIZE; i++) { x = x * 1103515245u + 12345u; buffer[i] = (u8)(x >> 16); }
    u32 sum = 0;
    for (i32 it = 0; it < iterations; it++) {
        buffer[it & (BUF_SIZE - 1)] ^= (u8)it;
        sum ^= fnv1a(buffer, BUF_SIZE);
        sum = sum * 7 + murmur(buffer, BUF_SIZE, (u32)it);
        u32 state[8] = {0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19};
        for (u32 off = 0; off < BUF_SIZE; off += 64) sha256_block(state, buffer + off);
        for (u32 i = 0; i < 8; i++) sum = rotl(sum, 5) ^ state[i];
    }
    return sum;
}
