/* Branchy dispatch: a small stack-machine interpreter running inside Wasm. Its
   bytecode program (a loop computing a checksum) is dispatched through a switch,
   which clang lowers to br_table, with data-dependent branches in the handlers. */
#include "bench.h"

enum { OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_SUB, OP_MUL, OP_XOR, OP_SHR, OP_AND,
       OP_DUP, OP_SWAP, OP_JNZ, OP_JMP, OP_LT, OP_DEC, OP_HALT, OP_ROT, OP_MOD };

/* Program: acc = x; for (r = count; r != 0; r--) {
     if (acc & 1) acc = acc * 3 + r else acc = acc >> 1 ^ r; acc %= 1000003; x += acc } */
static const i32 program[] = {
    /* 0 */ OP_LOAD, 1, OP_STORE, 2,              /* acc = x */
    /* 4 */ OP_LOAD, 0, OP_JNZ, 10, OP_JMP, 54,   /* loop head: if r == 0 exit */
    /* 10 */ OP_LOAD, 2, OP_PUSH, 1, OP_AND, OP_JNZ, 30,
    /* 17 */ OP_LOAD, 2, OP_PUSH, 1, OP_SHR, OP_LOAD, 0, OP_XOR, OP_STORE, 2, OP_JMP, 40,
    /* 29 */ OP_HALT,
    /* 30 */ OP_LOAD, 2, OP_PUSH, 3, OP_MUL, OP_LOAD, 0, OP_ADD, OP_STORE, 2,
    /* 40 */ OP_LOAD, 2, OP_PUSH, 1000003, OP_MOD, OP_DUP, OP_STORE, 2,
    /* 48 */ OP_LOAD, 1, OP_ADD, OP_STORE, 1,
    /* 53 */ OP_DEC,
    /* 54 */ OP_HALT,
};

static u32 execute(const i32 *code, u32 *vars) {
    u32 stack[64];
    i32 sp = 0, pc = 0;
    for (;;) {
        switch (code[pc++]) {
        case OP_PUSH: stack[sp++] = (u32)code[pc++]; break;
        case OP_LOAD: stack[sp++] = vars[code[pc++]]; break;
        case OP_STORE: vars[code[pc++]] = stack[--sp]; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_SHR: sp--; stack[sp - 1] >>= stack[sp]; break;
        case OP_AND: sp--; stack[sp - 1] &= stack[sp]; break;
        case OP_MOD: sp--; stack[sp - 1] %= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: { u32 t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; break; }
        case OP_ROT: { u32 t = stack[sp - 3]; stack[sp - 3] = stack[sp - 2]; stack[sp - 2] = stack[sp - 1]; stack[sp - 1] = t; break; }
        case OP_LT: sp--; stack[sp - 1] = (i32)stack[sp - 1] < (i32)stack[sp]; break;
        case OP_JNZ: { i32 target = code[pc++]; if (stack[--sp]) pc = target; break; }
        case OP_JMP: pc = code[pc]; break;
        case OP_DEC: vars[0]--; pc = 4; break;
        case OP_HALT: return vars[2] ^ vars[1];
        default: return 0xFFFFFFFFu;
        }
    }
}

BENCH_EXPORT u32 run(i32 iterations) {
    u32 sum = 0;
    for (i32 it = 0; it < iterations; it++) {
        u32 vars[4] = {2000, (u32)it * 17 + 1, 0, 0};
        const i32 *code = program;
        OPAQUE(code);
        sum = sum * 31 + execute(code, vars);
    }
    return sum;
}
