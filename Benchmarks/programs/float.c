/* f32/f64 numeric kernels: an f64 matrix multiply, an f32 Mandelbrot escape-time
   grid and an f64 n-body step with square roots. Results are folded into the
   checksum through their bit patterns, which Wasm defines exactly (no NaNs arise). */
#include "bench.h"

#define N 48
static double a[N * N], b[N * N], c[N * N];

typedef struct { double x, y, z, vx, vy, vz, m; } Body;
static Body bodies[5] = {
    {0, 0, 0, 0, 0, 0, 39.47841760435743},
    {4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037},
    {8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011},
    {12.89, -15.11, -0.22, 1.08, 0.868, -0.010, 0.0017},
    {15.37, -25.91, 0.17, 0.979, 0.594, -0.034, 0.0020},
};

static u32 fold64(double d) {
    union { double d; u64 u; } v = {d};
    return (u32)v.u ^ (u32)(v.u >> 32);
}

static u32 matmul(u32 seed) {
    for (u32 i = 0; i < N * N; i++) {
        a[i] = (double)((i * 7 + seed) % 13) * 0.25 - 1.0;
        b[i] = (double)((i * 11 + seed) % 17) * 0.125 + 0.5;
    }
    for (u32 i = 0; i < N; i++)
        for (u32 j = 0; j < N; j++) {
            double s = 0;
            for (u32 k = 0; k < N; k++) s += a[i * N + k] * b[k * N + j];
            c[i * N + j] = s;
        }
    double t = 0;
    for (u32 i = 0; i < N * N; i++) t += c[i] * (i & 1 ? 1.0 : -0.5);
    return fold64(t);
}

static u32 mandel(u32 seed) {
    u32 total = 0;
    float off = (float)(seed & 7) * 0.001f;
    for (u32 py = 0; py < 40; py++)
        for (u32 px = 0; px < 60; px++) {
            float cr = -2.0f + (float)px * 0.045f + off, ci = -1.2f + (float)py * 0.06f;
            float zr = 0, zi = 0;
            u32 n = 0;
            while (n < 64 && zr * zr + zi * zi < 4.0f) {
                float t = zr * zr - zi * zi + cr;
                zi = 2.0f * zr * zi + ci;
                zr = t;
                n++;
            }
            total = total * 3 + n;
        }
    return total;
}

static u32 nbody(u32 steps) {
    const double dt = 0.01;
    for (u32 s = 0; s < steps; s++) {
        for (u32 i = 0; i < 5; i++)
            for (u32 j = i + 1; j < 5; j++) {
                double dx = bodies[i].x - bodies[j].x, dy = bodies[i].y - bodies[j].y, dz = bodies[i].z - bodies[j].z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * __builtin_sqrt(d2));
                bodies[i].vx -= dx * bodies[j].m * mag; bodies[i].vy -= dy * bodies[j].m * mag; bodies[i].vz -= dz * bodies[j].m * mag;
                bodies[j].vx += dx * bodies[i].m * mag; bodies[j].vy += dy * bodies[i].m * mag; bodies[j].vz += dz * bodies[i].m * mag;
            }
        for (u32 i = 0; i < 5; i++) {
            bodies[i].x += dt * bodies[i].vx; bodies[i].y += dt * bodies[i].vy; bodies[i].z += dt * bodies[i].vz;
        }
    }
    return fold64(bodies[1].x + bodies[2].y + bodies[3].z + bodies[4].vx);
}

BENCH_EXPORT u32 run(i32 iterations) {
    u32 sum = 0;
    for (i32 it = 0; it < iterations; it++) {
        sum = sum * 31 + matmul((u32)it);
        sum ^= mandel((u32)it);
        sum += nbody(200);
    }
    return sum;
}
