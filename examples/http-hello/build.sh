#!/bin/sh
# Builds http-hello.wasm from its hand-written core module with wasm-tools: embed the
# ntwk:theater WIT (world http-actor), then wrap the core module as a component.
set -e
cd "$(dirname "$0")"
wasm-tools component embed ../../wit --world http-actor hello.wat -o hello.core.wasm
wasm-tools component new hello.core.wasm -o http-hello.wasm
rm hello.core.wasm
wasm-tools validate http-hello.wasm
