#!/bin/sh
# Builds worker.wasm and supervisor.wasm from their hand-written core modules with wasm-tools:
# embed the ntwk:theater WIT (the worker targets world message-server-actor, the supervisor
# world full-actor, of which it imports only runtime, supervisor and message-server-host),
# then wrap the core module as a component.
set -e
cd "$(dirname "$0")"
build() {
    wasm-tools component embed ../../wit --world "$2" "$1.wat" -o "$1.core.wasm"
    wasm-tools component new "$1.core.wasm" -o "$1.wasm"
    rm "$1.core.wasm"
    wasm-tools validate "$1.wasm"
}
build worker message-server-actor
build supervisor full-actor
