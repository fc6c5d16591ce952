#!/usr/bin/env bash
# Compiles Benchmarks/programs/*.c to Benchmarks/programs/*.wasm with the clang that ships
# next to the Swift toolchain's `swift`, then regenerates the large load-time module.
# Usage: Benchmarks/build.sh            (from anywhere; needs python3 for the large module)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
swift_path="$(command -v swift || true)"
if [[ -z "$swift_path" ]]; then
    echo "build.sh: 'swift' is not on PATH; the toolchain's clang is found next to it" >&2
    exit 1
fi
toolchain_bin="$(dirname "$(readlink -f "$swift_path")")"
clang="${CLANG:-$toolchain_bin/clang}"
if [[ ! -x "$clang" ]]; then
    echo "build.sh: no clang at $clang (set CLANG=/path/to/clang)" >&2
    exit 1
fi

# The flags the performance issue prescribes, plus bulk memory so memcpy/memmove/memset
# lower to memory.copy/memory.fill (bulk.c measures exactly those instructions).
flags=(--target=wasm32 -O2 -nostdlib -Wl,--no-entry -mbulk-memory)

for source in "$here"/programs/*.c; do
    name="$(basename "$source" .c)"
    "$clang" "${flags[@]}" "$source" -o "$here/programs/$name.wasm"
    echo "built programs/$name.wasm ($(wc -c < "$here/programs/$name.wasm") bytes)"
done

python3 "$here/generate_large_module.py" --output "$here/programs/large.wasm"
