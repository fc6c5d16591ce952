#!/usr/bin/env python3
"""Writes Benchmarks/programs/large.wasm: a large, deterministic module for load-time benchmarks.

The module has thousands of generated functions (i32 -> i32) with straight-line i32/i64
arithmetic over locals, if/else diamonds, short counted loops and memory loads/stores, plus a
name section. Its export `run(iterations)` calls every generated function once per iteration
through call_indirect, chaining a checksum, so the first call also makes a lazily translating
engine translate every function. The output depends only on the command-line options (a fixed
pseudo-random generator, no clock, no hash randomisation), so rebuilding reproduces the same
bytes.

Usage: generate_large_module.py [--output PATH] [--functions N] [--seed S]
"""

import argparse
import sys

# Opcodes used by the generator (Wasm 1.0 core).
BLOCK, LOOP, IF, ELSE, END, BR, BR_IF = 0x02, 0x03, 0x04, 0x05, 0x0B, 0x0C, 0x0D
CALL_INDIRECT = 0x11
LOCAL_GET, LOCAL_SET, LOCAL_TEE = 0x20, 0x21, 0x22
I32_LOAD, I32_STORE, I32_LOAD8_U, I64_LOAD, I64_STORE = 0x28, 0x36, 0x2D, 0x29, 0x37
I32_CONST, I64_CONST = 0x41, 0x42
I32_EQZ, I32_LT_U, I32_GT_S, I32_NE = 0x45, 0x49, 0x4A, 0x47
I32_BINARY = [0x6A, 0x6B, 0x6C, 0x71, 0x72, 0x73, 0x74, 0x76, 0x77]  # add sub mul and or xor shl shr_u rotl
I32_DIV_U, I32_REM_U = 0x6E, 0x70
I64_BINARY = [0x7C, 0x7D, 0x7E, 0x83, 0x84, 0x85, 0x86, 0x88, 0x89]  # add sub mul and or xor shl shr_u rotl
I32_WRAP_I64, I64_EXTEND_I32_U = 0xA7, 0xAD
I32_CLZ, I32_POPCNT = 0x67, 0x69
I32, I64 = 0x7F, 0x7E
EMPTY_BLOCK = 0x40


def uleb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        done = (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40)
        out.append(byte if done else byte | 0x80)
        if done:
            return bytes(out)


def name(text):
    raw = text.encode("utf-8")
    return uleb(len(raw)) + raw


def vector(items):
    return uleb(len(items)) + b"".join(items)


def section(section_id, payload):
    return bytes([section_id]) + uleb(len(payload)) + payload


class Random:
    """xorshift64*: small, fast and identical on every Python version."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & 0xFFFFFFFFFFFFFFFF

    def next(self):
        x = self.state
        x ^= x >> 12
        x ^= (x << 25) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 27
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        return (self.next() >> 33) % n


# Locals of every generated function: param 0 (i32), then 4 i32 locals (1-4), then 2 i64 (5-6).
I32_LOCALS = [0, 1, 2, 3, 4]
I64_LOCALS = [5, 6]
MEMORY_WINDOW = 0x7FFC  # addresses are masked into the first half page, word aligned, so
                        # address + offset + width always stays inside the one page


class BodyWriter:
    def __init__(self, rng):
        self.rng = rng
        self.code = bytearray()
        # i32 locals statements may assign; a counted loop removes its counter (local 4).
        self.assignable = [1, 2, 3, 4]

    def emit(self, *values):
        self.code.extend(values)

    def i32_const(self, value):
        self.emit(I32_CONST)
        self.code.extend(sleb(value))

    def i32_expr(self, depth):
        """Pushes one i32 computed from locals, constants and (rarely) memory."""
        rng = self.rng
        choice = rng.below(10) if depth > 0 else rng.below(3)
        if choice == 0:
            self.i32_const(rng.below(1 << 20) - (1 << 19))
        elif choice in (1, 2):
            self.emit(LOCAL_GET, rng.choice_i32())
        elif choice in (3, 4, 5, 6):
            self.i32_expr(depth - 1)
            self.i32_expr(depth - 1)
            self.emit(I32_BINARY[rng.below(len(I32_BINARY))])
        elif choice == 7:
            self.i32_expr(depth - 1)
            self.i32_expr(depth - 1)
            self.i32_const(1)
            self.emit(0x72)  # i32.or keeps the divisor non-zero
            self.emit(I32_DIV_U if rng.below(2) else I32_REM_U)
        elif choice == 8:
            self.i32_address(depth - 1)
            if rng.below(2):
                self.emit(I32_LOAD8_U, 0)  # alignment exponent 0: a byte load
            else:
                self.emit(I32_LOAD, 2)
            self.code.extend(uleb(0))
        else:
            self.i32_expr(depth - 1)
            self.emit(I32_CLZ if rng.below(2) else I32_POPCNT)

    def i32_address(self, depth):
        self.i32_expr(depth)
        self.i32_const(MEMORY_WINDOW)
        self.emit(0x71)  # i32.and

    def target(self):
        return self.assignable[self.rng.below(len(self.assignable))]

    def statement(self, nesting):
        rng = self.rng
        choice = rng.below(12)
        if choice < 5:
            self.i32_expr(3)
            self.emit(LOCAL_SET, self.target())
        elif choice == 5:
            self.i32_address(1)
            self.i32_expr(2)
            self.emit(I32_STORE, 2)
            self.code.extend(uleb(0))
        elif choice == 6:
            # i64 work: widen, mix, and fold back into an i32 local.
            self.i32_expr(2)
            self.emit(I64_EXTEND_I32_U, LOCAL_GET, I64_LOCALS[rng.below(2)])
            self.emit(I64_BINARY[rng.below(len(I64_BINARY))])
            self.emit(I64_CONST)
            self.code.extend(sleb(rng.below(1 << 40) | 1))
            self.emit(0x7E)  # i64.mul
            self.emit(LOCAL_TEE, I64_LOCALS[rng.below(2)], I32_WRAP_I64, LOCAL_SET, self.target())
        elif choice == 7:
            self.i32_address(1)
            self.emit(LOCAL_GET, I64_LOCALS[rng.below(2)], I64_STORE, 3)
            self.code.extend(uleb(8))
        elif choice in (8, 9) and nesting < 2:
            self.i32_expr(2)
            self.emit(IF, EMPTY_BLOCK)
            for _ in range(1 + rng.below(3)):
                self.statement(nesting + 1)
            self.emit(ELSE)
            for _ in range(1 + rng.below(3)):
                self.statement(nesting + 1)
            self.emit(END)
        elif choice == 10 and nesting < 1:
            # A counted loop of 1-4 iterations using local 4 as the counter.
            self.i32_const(1 + rng.below(4))
            self.emit(LOCAL_SET, 4, BLOCK, EMPTY_BLOCK, LOOP, EMPTY_BLOCK)
            self.emit(LOCAL_GET, 4, I32_EQZ, BR_IF, 1)
            self.assignable = [1, 2, 3]  # the body must not clobber its counter
            for _ in range(1 + rng.below(3)):
                self.statement(nesting + 1)
            self.assignable = [1, 2, 3, 4]
            self.emit(LOCAL_GET, 4)
            self.i32_const(1)
            self.emit(0x6B, LOCAL_SET, 4, BR, 0, END, END)
        else:
            self.emit(LOCAL_GET, 0)
            self.i32_expr(2)
            self.emit(0x73, LOCAL_SET, 0)  # param ^= expr

    def function(self, target_size):
        self.code = bytearray()
        self.code.extend(uleb(2))  # two local declarations
        self.code.extend(uleb(4) + bytes([I32]))
        self.code.extend(uleb(2) + bytes([I64]))
        # Seed the locals from the parameter so every function's result depends on it.
        self.emit(LOCAL_GET, 0)
        self.i32_const(self.rng.below(1 << 16) + 1)
        self.emit(0x6A, LOCAL_SET, 1, LOCAL_GET, 0, LOCAL_GET, 1, 0x6C, LOCAL_SET, 2)
        self.emit(LOCAL_GET, 0, I64_EXTEND_I32_U, LOCAL_SET, 5)
        while len(self.code) < target_size:
            self.statement(0)
        # Result: a mix of all i32 locals.
        self.emit(LOCAL_GET, 0, LOCAL_GET, 1, 0x73, LOCAL_GET, 2, 0x6A, LOCAL_GET, 3, 0x73)
        self.emit(LOCAL_GET, 5, I32_WRAP_I64, 0x6A, END)
        return bytes(self.code)


def choice_i32(self):
    return I32_LOCALS[self.below(len(I32_LOCALS))]


Random.choice_i32 = choice_i32


def run_body(function_count):
    """run(iterations): for it in 0..<iterations, for i in 0..<N: acc = table[i](acc ^ it)."""
    code = bytearray()
    code += uleb(1) + uleb(3) + bytes([I32])  # locals 1 (acc), 2 (it), 3 (i)
    code += bytes([BLOCK, EMPTY_BLOCK, LOOP, EMPTY_BLOCK])
    code += bytes([LOCAL_GET, 2, LOCAL_GET, 0, I32_LT_U, I32_EQZ, BR_IF, 1])
    code += bytes([I32_CONST]) + sleb(0) + bytes([LOCAL_SET, 3])
    code += bytes([BLOCK, EMPTY_BLOCK, LOOP, EMPTY_BLOCK])
    code += bytes([LOCAL_GET, 3, I32_CONST]) + sleb(function_count) + bytes([I32_LT_U, I32_EQZ, BR_IF, 1])
    code += bytes([LOCAL_GET, 1, LOCAL_GET, 2, 0x73, LOCAL_GET, 3, CALL_INDIRECT]) + uleb(0) + uleb(0)
    code += bytes([LOCAL_SET, 1, LOCAL_GET, 3, I32_CONST]) + sleb(1) + bytes([0x6A, LOCAL_SET, 3, BR, 0, END, END])
    code += bytes([LOCAL_GET, 2, I32_CONST]) + sleb(1) + bytes([0x6A, LOCAL_SET, 2, BR, 0, END, END])
    code += bytes([LOCAL_GET, 1, END])
    return bytes(code)


def build_module(function_count, seed, body_size):
    rng = Random(seed)
    writer = BodyWriter(rng)
    bodies = []
    for _ in range(function_count):
        # Vary body sizes around the target so the module is not uniform.
        bodies.append(writer.function(body_size // 2 + rng.below(body_size)))
    bodies.append(run_body(function_count))

    types = vector([
        bytes([0x60]) + vector([bytes([I32])]) + vector([bytes([I32])]),  # type 0: i32 -> i32
    ])
    functions = vector([uleb(0)] * (function_count + 1))
    table = vector([bytes([0x70, 0x00]) + uleb(function_count)])          # funcref, min N
    memory = vector([bytes([0x00]) + uleb(1)])                            # 1 page
    exports = vector([
        name("run") + bytes([0x00]) + uleb(function_count),
        name("memory") + bytes([0x02]) + uleb(0),
    ])
    offset = bytes([I32_CONST]) + sleb(0) + bytes([END])
    elements = vector([uleb(0) + offset + vector([uleb(i) for i in range(function_count)])])
    code = vector([uleb(len(body)) + body for body in bodies])

    function_names = [uleb(i) + name(f"generated_{i}") for i in range(function_count)]
    function_names.append(uleb(function_count) + name("run"))
    names = name("name") + bytes([1]) + uleb(len(vector(function_names))) + vector(function_names)

    return (b"\0asm" + bytes([1, 0, 0, 0])
            + section(1, types) + section(3, functions) + section(4, table)
            + section(5, memory) + section(7, exports) + section(9, elements)
            + section(10, code) + section(0, names))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default="programs/large.wasm")
    parser.add_argument("--functions", type=int, default=6000)
    parser.add_argument("--body-size", type=int, default=1000, help="average body size in bytes")
    parser.add_argument("--seed", type=int, default=2024)
    options = parser.parse_args()
    module = build_module(options.functions, options.seed, options.body_size)
    with open(options.output, "wb") as file:
        file.write(module)
    print(f"wrote {options.output} ({len(module)} bytes, {options.functions + 1} functions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
