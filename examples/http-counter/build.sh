#!/bin/sh
# Builds http-counter.wasm from app.py and the project's ntwk:theater WIT with componentize-py
# (pip install componentize-py). The result (about 18 MB, it holds a Python interpreter) is not committed.
set -e
cd "$(dirname "$0")"
componentize-py -d ../../wit -w http-actor componentize -p . app -o http-counter.wasm
