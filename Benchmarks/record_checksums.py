#!/usr/bin/env python3
"""Records Benchmarks/expected-checksums.txt from the peer engines, not from Theater's own.

For every program in programs/benchmarks.txt and for the default count and the CI smoke
count (scale 0.001), runs `run(iterations)` in wasmtime (through wasmtime_driver.py) and in
the toolchain's `wasmkit`, insists that both agree, and writes `name iterations checksum`
lines. theater-bench compares its own results against this file.

Usage: record_checksums.py [--wasmkit PATH] [--scales 1,0.001]
"""

import argparse
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def scaled(count, scale):
    """The runner's rule: max(1, floor(count * scale + 0.5))."""
    return max(1, math.floor(count * scale + 0.5))


def catalog():
    entries = []
    with open(os.path.join(HERE, "programs", "benchmarks.txt")) as file:
        for line in file:
            line = line.split("#", 1)[0].strip()
            if line:
                fields = line.split(None, 2)
                entries.append((fields[0], int(fields[1])))
    return entries


def wasmtime_checksum(path, iterations):
    output = subprocess.run([sys.executable, os.path.join(HERE, "wasmtime_driver.py"), path, "run", str(iterations)],
                            check=True, capture_output=True, text=True).stdout
    return int(re.search(r"checksum=(\d+)", output).group(1))


def wasmkit_checksum(wasmkit, path, iterations):
    output = subprocess.run([wasmkit, "run", path, "run", f"i32:{iterations}"],
                            check=True, capture_output=True, text=True).stdout
    return int(re.search(r"i32\((\d+)\)", output).group(1)) & 0xFFFFFFFF


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wasmkit", default="/opt/swift/usr/bin/wasmkit")
    parser.add_argument("--scales", default="1,0.001")
    options = parser.parse_args()
    lines = ["# name iterations checksum (u32), agreed by wasmtime and wasmkit; written by record_checksums.py"]
    for name, count in catalog():
        path = os.path.join(HERE, "programs", f"{name}.wasm")
        for iterations in sorted({scaled(count, float(s)) for s in options.scales.split(",")}):
            a = wasmtime_checksum(path, iterations)
            b = wasmkit_checksum(options.wasmkit, path, iterations)
            if a != b:
                print(f"{name} x{iterations}: wasmtime {a} != wasmkit {b}", file=sys.stderr)
                return 1
            print(f"{name} x{iterations}: {a}")
            lines.append(f"{name} {iterations} {a}")
    with open(os.path.join(HERE, "expected-checksums.txt"), "w") as file:
        file.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
