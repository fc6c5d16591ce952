#!/bin/sh
# Builds http-fetch.wasm from app.py and the project's ntwk:theater WIT with componentize-py
# (pip install componentize-py), in the world fetch-actor (runtime, message-server-host,
# http-client). The result (about 18 MB, it holds a Python interpreter) is not committed.
set -e
cd "$(dirname "$0")"
componentize-py -d ../../wit -w fetch-actor componentize -p . app -o http-fetch.wasm
