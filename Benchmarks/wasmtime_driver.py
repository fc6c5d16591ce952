#!/usr/bin/env python3
"""Runs one benchmark export in wasmtime (the PyPI `wasmtime` package) for theater-bench.

Only the timed part is measured: the module is compiled and instantiated first (reported
separately as load time), then `FUNC(iterations)` is called once and timed with a
monotonic clock, so Python start-up and compilation stay out of the call time.

Usage: wasmtime_driver.py FILE FUNC ITERATIONS
Prints one line: `checksum=<u32> call_seconds=<float> load_seconds=<float>`.
Exit status 2 when the wasmtime package is missing, 1 on any other failure.
"""

import sys
import time


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 1
    path, function, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3])
    try:
        import wasmtime
    except ImportError:
        print("wasmtime_driver: the wasmtime package is not installed (pip install wasmtime)", file=sys.stderr)
        return 2
    load_start = time.perf_counter()
    engine = wasmtime.Engine()
    store = wasmtime.Store(engine)
    module = wasmtime.Module.from_file(engine, path)
    instance = wasmtime.Instance(store, module, [])
    export = instance.exports(store)[function]
    load_seconds = time.perf_counter() - load_start
    call_start = time.perf_counter()
    result = export(store, iterations)
    call_seconds = time.perf_counter() - call_start
    print(f"checksum={result & 0xFFFFFFFF} call_seconds={call_seconds:.9f} load_seconds={load_seconds:.9f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
