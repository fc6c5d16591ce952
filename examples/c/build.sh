#!/usr/bin/env bash
# Rebuilds numbers.wasm from numbers.c with the Swift toolchain's clang.
set -euo pipefail
cd "$(dirname "$0")"
clang="$(dirname "$(command -v swift)")/clang"
"$clang" --target=wasm32 -O2 -nostdlib -Wl,--no-entry -o numbers.wasm numbers.c
