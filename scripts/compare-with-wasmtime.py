#!/usr/bin/env python3
"""Runs the same calls through `theater wasm run` and wasmtime (PyPI) and compares results.

wasmtime is only an oracle here: the product never depends on it.
usage: compare-with-wasmtime.py THEATER_BINARY [MODULE.wasm]
"""
import struct
import subprocess
import sys
from pathlib import Path

import wasmtime

ROOT = Path(__file__).resolve().parent.parent
CALLS = [
    ("fib", [0]), ("fib", [1]), ("fib", [20]), ("fib", [25]),
    ("factorial", [0]), ("factorial", [20]), ("factorial", [25]),
    ("gcd", [1071, 462]), ("gcd", [-48, 18]), ("gcd", [0, 0]),
    ("collatz_steps", [27]), ("collatz_steps", [837799]), ("collatz_steps", [9007199254740993]),
    ("newton_sqrt", [2.0]), ("newton_sqrt", [1e300]), ("newton_sqrt", [-1.0]),
    ("mix_float", [1.5, -0.25, 100]), ("mix_float", [3.0e38, 3.0e38, 3]),
    ("count_primes", [100]), ("count_primes", [65536]),
    ("crc32_of_pattern", [0]), ("crc32_of_pattern", [1000]), ("crc32_of_pattern", [65536]),
    ("apply_ops", [7, 10]), ("apply_ops", [-5, 1000]),
    ("divide", [-2147483647, -1]), ("divide", [7, 0]), ("divide", [-2147483648, -1]),
]


def normalize(value, kind):
    """A comparable form: ints as two's-complement bits, floats as bit patterns."""
    if kind == "i32":
        return int(value) & 0xFFFFFFFF
    if kind == "i64":
        return int(value) & 0xFFFFFFFFFFFFFFFF
    if kind == "f32":
        return struct.unpack("<I", struct.pack("<f", float(value)))[0]
    return struct.unpack("<Q", struct.pack("<d", float(value)))[0]


def main():
    theater = sys.argv[1]
    module_path = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "examples/c/numbers.wasm"
    engine = wasmtime.Engine()
    module = wasmtime.Module.from_file(engine, str(module_path))
    passed = failed = 0
    for name, args in CALLS:
        store = wasmtime.Store(engine)
        instance = wasmtime.Instance(store, module, [])
        function = instance.exports(store)[name]
        result_kinds = [str(t) for t in function.type(store).results]
        try:
            expected = function(store, *args)
            expected = [] if expected is None else (list(expected) if isinstance(expected, (list, tuple)) else [expected])
            expected = [normalize(v, k) for v, k in zip(expected, result_kinds)]
            expected_trap = False
        except wasmtime.Trap:
            expected, expected_trap = None, True
        run = subprocess.run([theater, "wasm", "run", str(module_path), "--invoke", name, "--", *map(str, args)],
                             capture_output=True, text=True, timeout=120)
        if expected_trap:
            ok = run.returncode != 0 and "trap" in run.stderr.lower()
            got = run.stdout.strip() or run.stderr.strip()
        else:
            lines = run.stdout.split()
            ok = run.returncode == 0 and len(lines) == len(result_kinds) and \
                [normalize(float(t) if k.startswith("f") else int(t), k) for t, k in zip(lines, result_kinds)] == expected
            got = run.stdout.strip() + run.stderr.strip()
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"MISMATCH {name}{tuple(args)}: wasmtime {'trap' if expected_trap else expected}, theater {got!r}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
