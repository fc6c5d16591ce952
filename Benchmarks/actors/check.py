#!/usr/bin/env python3
"""Checks the benchmark actors echo.wasm and relay.wasm in wasmtime (PyPI `wasmtime`),
an engine independent of Theater's, so a mistake in the hand-written Canonical ABI glue
shows up here rather than as a puzzling failure in a benchmark.

Two levels:
  - the components, through wasmtime's component model: every export of both actors,
    with relay's `message-server-host.request` served by a fake host written below;
  - the core modules (compiled from the C sources into a temporary directory with the
    same clang flags as build.sh), to check the bump allocator directly: it resets
    between calls, never during one, honours alignment, copies on realloc and traps on
    a request it cannot serve.

Usage: Benchmarks/actors/check.py        (exits 1 and names the failed check on a failure)
"""

import os
import shutil
import subprocess
import sys
import tempfile

from wasmtime import Engine, Func, FuncType, Linker as CoreLinker, Module, Store, Trap, ValType, WasmtimeError
from wasmtime.component import Component, Linker

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT = "ntwk:theater/message-server-client"
ACTOR = "ntwk:theater/actor"
HOST = "ntwk:theater/message-server-host"

failures = []


def check(name, condition, detail=""):
    """Records one check; a failed one is reported at the end."""
    if condition:
        print(f"ok    {name}")
    else:
        print(f"FAIL  {name} {detail}")
        failures.append(name)


class ComponentActor:
    """One instance of an actor component and a way to call its exports by name."""

    def __init__(self, path, request_host=None):
        self.engine = Engine()
        self.store = Store(self.engine)
        linker = Linker(self.engine)
        if request_host is not None:
            with linker.root() as root:
                with root.add_instance(HOST) as host:
                    host.add_func("request", lambda store, target, msg: request_host(target, msg))
        self.instance = linker.instantiate(self.store, Component.from_file(self.engine, path))

    def call(self, interface, function, *args):
        index = self.instance.get_export_index(self.store, interface)
        func = self.instance.get_func(
            self.store, self.instance.get_export_index(self.store, function, index))
        result = func(self.store, *args)
        func.post_return(self.store)
        return result


def count(n):
    return n.to_bytes(8, "little")


def check_echo():
    echo = ComponentActor(os.path.join(HERE, "echo.wasm"))
    check("echo init without state starts the count at 0",
          echo.call(ACTOR, "init", None, ("me",)) == (count(0),))
    check("echo init keeps an 8-byte state",
          echo.call(ACTOR, "init", count(41), ("me",)) == (count(41),))
    result = echo.call(ACTOR, "init", b"0", ("me",))
    check("echo init refuses a state that is not 8 bytes",
          isinstance(result, str) and "8 little-endian bytes" in result, repr(result))

    state = echo.call(ACTOR, "init", None, ("me",))[0]
    for i in range(300):
        state = echo.call(CLIENT, "handle-send", state, (bytes([i % 256]) * i,))[0]
    check("echo handle-send counts 300 messages", state == count(300), repr(state))
    check("echo handle-send carries into the next byte",
          echo.call(CLIENT, "handle-send", count(255), (b"",)) == (count(256),))
    check("echo handle-send without state counts from 0",
          echo.call(CLIENT, "handle-send", None, (b"x",)) == (count(1),))
    result = echo.call(CLIENT, "handle-send", count(2**64 - 1), (b"",))
    check("echo handle-send refuses to overflow", isinstance(result, str) and "2^64" in result,
          repr(result))
    result = echo.call(CLIENT, "handle-send", b"\x01\x02", (b"",))
    check("echo handle-send refuses a short state", isinstance(result, str), repr(result))

    for message in [b"", b"hi", bytes(range(256)) * 40]:
        result = echo.call(CLIENT, "handle-request", count(7), ("request-1", message))
        check(f"echo handle-request echoes {len(message)} bytes and keeps the state",
              result == (count(7), (message,)))
    check("echo handle-request keeps no state as none",
          echo.call(CLIENT, "handle-request", None, ("r", b"abc")) == (None, (b"abc",)))

    state, (accept,) = echo.call(CLIENT, "handle-channel-open", count(3), ("channel", b"hello"))
    check("echo handle-channel-open accepts without a message",
          state == count(3) and accept.accepted is True and accept.message is None)
    check("echo handle-channel-message keeps the state",
          echo.call(CLIENT, "handle-channel-message", count(3), ("channel", b"m")) == (count(3),))
    check("echo handle-channel-close keeps the state",
          echo.call(CLIENT, "handle-channel-close", count(3), ("channel",)) == (count(3),))


def check_relay():
    requests = []

    def fake_request(target, msg):
        """The fake message-server-host.request: one known target, errors for others."""
        requests.append((target, msg))
        if target == "target-actor":
            return b"reply:" + msg
        return f"no actor {target}"

    relay = ComponentActor(os.path.join(HERE, "relay.wasm"), request_host=fake_request)
    check("relay init keeps no state", relay.call(ACTOR, "init", None, ("me",)) == (None,))
    check("relay init keeps a text state",
          relay.call(ACTOR, "init", b"target-actor", ("me",)) == (b"target-actor",))
    result = relay.call(ACTOR, "init", b"\xff", ("me",))
    check("relay init refuses a state that is not UTF-8", isinstance(result, str), repr(result))

    result = relay.call(CLIENT, "handle-request", None, ("r", b"x"))
    check("relay handle-request without a target fails",
          isinstance(result, str) and "handle-send" in result, repr(result))
    check("relay did not call the host without a target", requests == [])

    state = relay.call(CLIENT, "handle-send", None, (b"target-actor",))[0]
    check("relay handle-send stores the target", state == b"target-actor")
    for bad in [b"", b"\xc0\x80", b"\xed\xa0\x80", b"ab\xe2\x82"]:
        result = relay.call(CLIENT, "handle-send", state, (bad,))
        check(f"relay handle-send refuses target {bad!r}", isinstance(result, str), repr(result))

    for message in [b"", b"ping", bytes(range(256)) * 40]:
        result = relay.call(CLIENT, "handle-request", state, ("request-1", message))
        check(f"relay handle-request forwards {len(message)} bytes and answers with the reply",
              result == (state, (b"reply:" + message,)) and requests[-1] == ("target-actor", message))
    result = relay.call(CLIENT, "handle-request", "ünknown".encode(), ("r", b"x"))
    check("relay handle-request returns the host's error string",
          result == "no actor ünknown", repr(result))

    state_out, (accept,) = relay.call(CLIENT, "handle-channel-open", state, ("channel", b"x"))
    check("relay handle-channel-open refuses the channel",
          state_out == state and accept.accepted is False and accept.message is None)
    check("relay handle-channel-message keeps the state",
          relay.call(CLIENT, "handle-channel-message", state, ("channel", b"m")) == (state,))
    check("relay handle-channel-close keeps the state",
          relay.call(CLIENT, "handle-channel-close", state, ("channel",)) == (state,))


def compile_core(name, directory):
    """Compiles <name>.c to a core module with build.sh's flags; returns its path."""
    swift = shutil.which("swift")
    clang = os.environ.get("CLANG") or os.path.join(os.path.dirname(os.path.realpath(swift)), "clang")
    output = os.path.join(directory, f"{name}.core.wasm")
    subprocess.run([clang, "--target=wasm32", "-O2", "-nostdlib", "-Wl,--no-entry", "-mbulk-memory",
                    os.path.join(HERE, f"{name}.c"), "-o", output], check=True)
    return output


def check_allocator(directory):
    engine = Engine()

    # echo: no imports.
    store = Store(engine)
    instance = CoreLinker(engine).instantiate(store, Module.from_file(engine, compile_core("echo", directory)))
    exports = instance.exports(store)
    memory = exports["memory"]
    realloc = exports["cabi_realloc"]
    send = exports[f"{CLIENT}#handle-send"]

    first = realloc(store, 0, 0, 1, 8)
    memory.write(store, count(9), first)
    message = realloc(store, 0, 0, 1, 5)
    check("allocations within a call do not overlap", message >= first + 8)
    area = send(store, 1, first, 8, message, 5)
    result = memory.read(store, area, area + 16)
    state_ptr = int.from_bytes(result[8:12], "little")
    check("core handle-send returns ok(some(count + 1))",
          result[0] == 0 and result[4] == 1 and memory.read(store, state_ptr, state_ptr + 8) == count(10))
    check("the heap starts over after a call returned", realloc(store, 0, 0, 1, 8) == first)
    aligned = realloc(store, 0, 0, 8, 3)
    check("cabi_realloc honours the alignment", aligned % 8 == 0 and aligned > first)
    memory.write(store, b"abc", aligned)
    moved = realloc(store, aligned, 3, 1, 100)
    check("cabi_realloc copies the old bytes", memory.read(store, moved, moved + 3) == b"abc")
    big = realloc(store, 0, 0, 1, 3 * 65536)
    check("cabi_realloc grows memory for a large request",
          memory.data_len(store) >= big + 3 * 65536)
    try:
        realloc(store, 0, 0, 1, 0xFFFFFFF0)
        check("cabi_realloc traps on a request past 4 GiB", False)
    except (Trap, WasmtimeError):
        check("cabi_realloc traps on a request past 4 GiB", True)

    # relay: the import allocates its result while the export runs; the arguments must
    # survive that (the heap must not start over in the middle of a call).
    store = Store(engine)
    linker = CoreLinker(engine)
    seen = {}

    def request(caller, target, target_len, msg, msg_len, area):
        realloc_in = caller["cabi_realloc"]
        memory_in = caller["memory"]
        seen["target"] = memory_in.read(caller, target, target + target_len)
        reply = realloc_in(caller, 0, 0, 1, 5)
        seen["reply_after_arguments"] = reply >= max(target + target_len, msg + msg_len)
        memory_in.write(caller, b"reply", reply)
        memory_in.write(caller, bytes([0, 0, 0, 0]) + reply.to_bytes(4, "little") + (5).to_bytes(4, "little"), area)

    i32 = ValType.i32()
    linker.define(store, HOST, "request", Func(store, FuncType([i32] * 5, []), request, access_caller=True))
    instance = linker.instantiate(store, Module.from_file(engine, compile_core("relay", directory)))
    exports = instance.exports(store)
    memory = exports["memory"]
    realloc = exports["cabi_realloc"]
    handle_request = exports[f"{CLIENT}#handle-request"]

    target = realloc(store, 0, 0, 1, 6)
    memory.write(store, b"target", target)
    request_id = realloc(store, 0, 0, 1, 1)
    memory.write(store, b"r", request_id)
    msg = realloc(store, 0, 0, 1, 4)
    memory.write(store, b"ping", msg)
    area = handle_request(store, 1, target, 6, request_id, 1, msg, 4)
    result = memory.read(store, area, area + 28)
    state_ptr, state_len = int.from_bytes(result[8:12], "little"), int.from_bytes(result[12:16], "little")
    reply_ptr, reply_len = int.from_bytes(result[20:24], "little"), int.from_bytes(result[24:28], "little")
    check("core relay passes the target to the host", seen.get("target") == b"target")
    check("core relay's import result does not overwrite the arguments",
          seen.get("reply_after_arguments") is True)
    check("core relay returns its state and the reply",
          result[0] == 0 and memory.read(store, state_ptr, state_ptr + state_len) == b"target"
          and result[16] == 1 and memory.read(store, reply_ptr, reply_ptr + reply_len) == b"reply")


def main():
    check_echo()
    check_relay()
    with tempfile.TemporaryDirectory() as directory:
        check_allocator(directory)
    if failures:
        print(f"{len(failures)} check(s) failed: {', '.join(failures)}")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
