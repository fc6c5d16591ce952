/* call_indirect: a table of small functions of one signature called through a
   function-pointer array with a data-dependent index, plus a vtable-style
   two-level dispatch, so every call goes through call_indirect's type check. */
#include "bench.h"

typedef u32 (*op_fn)(u32, u32);

__attribute__((noinline)) static u32 f_add(u32 a, u32 b) { return a + b; }
__attribute__((noinline)) static u32 f_sub(u32 a, u32 b) { return a - b; }
__attribute__((noinline)) static u32 f_mul(u32 a, u32 b) { return a * b + 1; }
__attribute__((noinline)) static u32 f_xor(u32 a, u32 b) { return a ^ b; }
__attribute__((noinline)) static u32 f_rot(u32 a, u32 b) { return (a << (b & 31)) | (a >> ((32 - (b & 31)) & 31)); }
__attribute__((noinline)) static u32 f_min(u32 a, u32 b) { return a < b ? a * 3 + b : b + 3; }
__attribute__((noinline)) static u32 f_avg(u32 a, u32 b) { return (a >> 1) + (b >> 1) + 7; }
__attribute__((noinline)) static u32 f_mix(u32 a, u32 b) { return (a ^ (b * 0x9E3779B9u)) + 11; }

static op_fn volatile table[8] = {f_add, f_sub, f_mul, f_xor, f_rot, f_min, f_avg, f_mix};

typedef struct Shape Shape;
typedef struct { u32 (*area)(const Shape *); u32 (*perimeter)(const Shape *); } ShapeVTable;
struct Shape { const ShapeVTable *vt; u32 w, h; };

__attribute__((noinline)) static u32 rect_area(const Shape *s) { return s->w * s->h; }
__attribute__((noinline)) static u32 rect_perim(const Shape *s) { return 2 * (s->w + s->h); }
__attribute__((noinline)) static u32 tri_area(const Shape *s) { return s->w * s->h / 2; }
__attribute__((noinline)) static u32 tri_perim(const Shape *s) { return s->w + s->h + (s->w > s->h ? s->w : s->h); }
static const ShapeVTable rect_vt = {rect_area, rect_perim};
static const ShapeVTable tri_vt = {tri_area, tri_perim};
static Shape shapes[16];

BENCH_EXPORT u32 run(i32 iterations) {
    for (u32 i = 0; i < 16; i++) {
        shapes[i].vt = (i % 3) ? &rect_vt : &tri_vt;
        shapes[i].w = i + 1;
        shapes[i].h = 2 * i + 3;
    }
    u32 acc = 1;
    for (i32 it = 0; it < iterations; it++) {
        for (u32 k = 0; k < 1000; k++) {
            acc = table[(acc ^ k ^ (u32)it) & 7](acc, k + (u32)it);
            const Shape *s = &shapes[(acc >> 5) & 15];
            acc += s->vt->area(s) ^ s->vt->perimeter(s);
        }
    }
    return acc;
}
