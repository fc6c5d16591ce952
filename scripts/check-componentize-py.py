#!/usr/bin/env python3
"""Builds examples/python-greeter with componentize-py and runs it through Theater.

Each call goes through `theater component run FILE --invoke CALL --timings`; its output
must equal the expected WAVE text, and, when the wasmtime package is importable, wasmtime's
result for the same call (wasmtime is only an oracle: the product never depends on it).
Prints the build, load (decode + validate + instantiate) and call times; exits non-zero on
any mismatch.

usage: check-componentize-py.py THEATER_BINARY [--keep DIR]
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples/python-greeter"

# (call in WAVE, python arguments for wasmtime, result type for the oracle, expected WAVE output)
CALLS = [
    ('greet("Ada")', ["Ada"], "string", '"Hello, Ada!"'),
    ('greet("Grüße, \\"Welt\\"")', ['Grüße, "Welt"'], "string", '"Hello, Grüße, \\"Welt\\"!"'),
    ("add(40, 2)", [40, 2], "s32", "42"),
    # Python ints do not wrap: the sum does not fit an s32, so the guest panics (a trap).
    ("add(-2147483648, -1)", [-2147483648, -1], "s32", "trap"),
    ('welcome({name: "Ada", visits: 2})', [{"name": "Ada", "visits": 2}], "welcome", 'ok({name: "Ada", visits: 3})'),
    ('welcome({name: "", visits: 0})', [{"name": "", "visits": 0}], "welcome", 'err("a visitor needs a name")'),
    ('words("the quick brown fox jumps")', ["the quick brown fox jumps"], "list<string>",
     '["brown", "jumps", "quick", "fox", "the"]'),
    ('words("")', [""], "list<string>", "[]"),
]


def wave_string(text):
    """A Python string in WAVE syntax (the escapes Theater's formatter uses)."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ch in '\\"':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def wave_of(value, kind):
    """wasmtime's Python result, written in WAVE for the greeter's result types."""
    if kind == "string":
        return wave_string(value)
    if kind == "s32":
        return str(value)
    if kind == "list<string>":
        return "[" + ", ".join(wave_string(v) for v in value) + "]"
    if kind == "welcome":
        # wasmtime-py returns just the payload when the cases differ in Python type.
        tag, payload = (value.tag, value.payload) if hasattr(value, "tag") else (
            ("err", value) if isinstance(value, str) else ("ok", value))
        if tag == "err":
            return "err(" + wave_string(payload) + ")"
        return "ok({name: %s, visits: %d})" % (wave_string(payload.name), payload.visits)
    raise ValueError(kind)


def oracle(component_path):
    """wasmtime's results for CALLS (None when wasmtime is not importable)."""
    try:
        import wasmtime
        import wasmtime.component as wc
    except ImportError:
        return None
    engine = wasmtime.Engine()
    start = time.time()
    component = wc.Component.from_file(engine, str(component_path))
    print(f"wasmtime: compile {time.time() - start:.1f} s")
    linker = wc.Linker(engine)
    linker.add_wasip2()
    results = []
    for call, args, kind, _ in CALLS:
        store = wasmtime.Store(engine)
        store.set_wasi(wasmtime.WasiConfig())
        instance = linker.instantiate(store, component)
        function = instance.get_func(store, call.split("(")[0])
        converted = []
        for arg in args:
            if isinstance(arg, dict):
                record = wc.Record()
                for key, val in arg.items():
                    setattr(record, key, val)
                arg = record
            converted.append(arg)
        try:
            results.append(wave_of(function(store, *converted), kind))
        except (wasmtime.Trap, wasmtime.WasmtimeError):
            results.append("trap")
    return results


def run_theater(theater, component_path, call):
    """Theater's printed result, exit status, stderr and (load, call) seconds for one call."""
    start = time.time()
    run = subprocess.run([theater, "component", "run", str(component_path), "--invoke", call, "--timings"],
                         capture_output=True, text=True, timeout=1800)
    wall = time.time() - start
    match = re.search(r"decode ([\d.]+) ms, validate ([\d.]+) ms, instantiate ([\d.]+) ms, call ([\d.]+) ms",
                      run.stderr)
    times = None
    if match:
        decode, validate, instantiate, call_ms = (float(g) for g in match.groups())
        times = (decode, validate, instantiate, call_ms)
    output = run.stdout.strip()
    if run.returncode == 1 and "trapped:" in run.stderr:
        output = "trap"
    return output, run.returncode, run.stderr.strip(), wall, times


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    theater = sys.argv[1]
    keep = Path(sys.argv[sys.argv.index("--keep") + 1]) if "--keep" in sys.argv else None
    workdir = Path(tempfile.mkdtemp(prefix="theater-componentize-"))
    component_path = workdir / "greeter.wasm"
    try:
        start = time.time()
        build = subprocess.run(["componentize-py", "-d", str(EXAMPLE / "wit"), "-w", "greeter", "componentize",
                                "-p", str(EXAMPLE), "app", "-o", str(component_path)],
                               capture_output=True, text=True, cwd=workdir)
        if build.returncode != 0:
            print("componentize-py failed:\n" + build.stdout + build.stderr)
            return 1
        size = component_path.stat().st_size
        print(f"componentize-py: built {size / 1e6:.1f} MB in {time.time() - start:.1f} s")
        expected_by_oracle = oracle(component_path)
        if expected_by_oracle is None:
            print("wasmtime is not importable: checking against the expected texts only")
        failures = 0
        for index, (call, _, _, expected) in enumerate(CALLS):
            output, status, stderr, wall, times = run_theater(theater, component_path, call)
            wanted = [w for w in (expected, expected_by_oracle and expected_by_oracle[index]) if w is not None]
            ok = status == (1 if output == "trap" else 0) and all(output == w for w in wanted) and wanted
            failures += 0 if ok else 1
            timing = ("decode %.0f + validate %.0f + instantiate %.0f = load %.0f ms, call %.0f ms"
                      % (times[0], times[1], times[2], sum(times[:3]), times[3])) if times else f"{wall:.1f} s wall"
            print(f"{'ok  ' if ok else 'FAIL'} {call} -> {output}   [{timing}]")
            if not ok:
                print(f"     expected {' and '.join(map(json.dumps, wanted)) or '(nothing)'}; status {status}; {stderr}")
        print(f"{len(CALLS) - failures} passed, {failures} failed")
        return 1 if failures else 0
    finally:
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(component_path, keep / "greeter.wasm")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
