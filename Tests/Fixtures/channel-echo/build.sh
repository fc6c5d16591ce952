#!/bin/sh
# Builds echo.wasm from its hand-written core module with wasm-tools: embed the ntwk:theater
# WIT (world message-server-actor), then wrap the core module as a component.
set -e
cd "$(dirname "$0")"
wasm-tools component embed ../../../wit --world message-server-actor echo.wat -o echo.core.wasm
wasm-tools component new echo.core.wasm -o echo.wasm
rm echo.core.wasm
wasm-tools validate echo.wasm
