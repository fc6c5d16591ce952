#!/bin/sh
# Builds counter.wasm and counter-v2.wasm from their hand-written core modules with wasm-tools:
# embed the ntwk:theater WIT (world message-server-actor), then wrap the core module as a component.
set -e
cd "$(dirname "$0")"
for name in counter counter-v2; do
    wasm-tools component embed ../../wit --world message-server-actor "$name.wat" -o "$name.core.wasm"
    wasm-tools component new "$name.core.wasm" -o "$name.wasm"
    rm "$name.core.wasm"
    wasm-tools validate "$name.wasm"
done
