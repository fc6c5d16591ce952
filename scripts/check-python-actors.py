#!/usr/bin/env python3
"""Builds the Python actors with componentize-py and runs them end to end through Theater.

The actors: examples/python-counter (built by its build.sh) and the fixtures in
Tests/Fixtures/actors (simple-named, pinger, ponger; built by that folder's build.sh).
The checks, each printed as an `ok` or `FAIL` line:
  - `theater run` gives the documented responses: python-counter and simple-named (the
    `theater:simple` package actor) count alike; pinger spawns ponger in init and each `go`
    answers `pong#<n> r=<n> b=<8 hex> g=<greeting> t=ok`;
  - pinger's run leaves two chains, pinger's and the ponger it spawned (whose parent is
    pinger and which answered both pings);
  - every chain any run produced passes `theater verify`, and `theater replay` says
    `replay identical`, also with a different THEATER_TEST_GREETING (replay reads the
    recorded environment, never the real one);
  - two runs with seed 7 draw the same random values; seed 8 draws others;
  - a chain with one byte changed fails `theater verify` with an error, not a crash, and
    ponger's chain replayed on another component (python-counter) reports a divergence.
Ends with `N passed, M failed`; exits non-zero on any failure.

usage: check-python-actors.py THEATER_BINARY [--reuse DIR] [--keep DIR]
  --reuse DIR  take the fixture actors already built in DIR (DIR/<actor>/<actor>.wasm and
               manifest.toml, as Tests/Fixtures/actors/build.sh DIR lays them out) instead of
               building them; python-counter too if DIR/python-counter/ holds it.
  --keep DIR   copy the actors used into DIR in that layout, for a later --reuse DIR.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTER_EXAMPLE = ROOT / "examples/python-counter"
FIXTURES = ROOT / "Tests/Fixtures/actors"
FIXTURE_ACTORS = ["simple-named", "pinger", "ponger"]
GREETING_VARIABLE = "THEATER_TEST_GREETING"

# The messages for both counters (theater run keeps the order) and the responses the counter
# table in examples/counter/README.md gives for them: the send counts one, `add 5` adds five.
COUNTER_MESSAGES = [("request", "get"), ("send", "hi"), ("request", "add 5"), ("request", "get"),
                    ("request", "what")]
COUNTER_RESPONSES = ["0", "6", "6", "unknown request"]

# One response of pinger's `go` (Tests/Fixtures/actors/README.md).
GO_RESPONSE = re.compile(r"pong#(\d+) r=(\d+) b=([0-9a-f]{8}) g=(.*) t=(ok|zero)")
SPAWN_LOG = re.compile(r"spawned ponger ([0-9a-f-]{36})")


class Checks:
    """Counts and prints the outcome of each check."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        """Prints `ok` or `FAIL` with `name`, and `detail` under a failure; returns `ok`."""
        ok = bool(ok)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok and detail:
            for line in str(detail).strip().splitlines():
                print(f"     {line}")
        sys.stdout.flush()
        return ok


def environment(greeting):
    """This process's environment with THEATER_TEST_GREETING set to `greeting` (None: unset)."""
    env = {key: value for key, value in os.environ.items() if key != GREETING_VARIABLE}
    if greeting is not None:
        env[GREETING_VARIABLE] = greeting
    return env


def run(command, env=None, cwd=None, timeout=600):
    """The finished process of `command` (text output captured)."""
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=timeout)


def describe(process):
    """A failed command's exit status and output, for a FAIL line."""
    status = process.returncode
    crash = f" (killed by signal {-status})" if status < 0 else ""
    return f"exit status {status}{crash}\nstdout: {process.stdout.strip()}\nstderr: {process.stderr.strip()}"


# ---------------------------------------------------------------------------------------------
# Building


def start_counter_build(out):
    """Starts examples/python-counter/build.sh on a copy of the example in OUT/python-counter
    (next to a copy of wit/, the `../../wit` it builds against); returns the process."""
    source = out / "python-counter"
    shutil.copytree(COUNTER_EXAMPLE, source, ignore=shutil.ignore_patterns("*.wasm", "__pycache__"))
    shutil.copytree(ROOT / "wit", out.parent / "wit")
    with open(out.parent / "python-counter-build.log", "w") as log:
        return subprocess.Popen(["sh", str(source / "build.sh")], stdout=log, stderr=subprocess.STDOUT)


def build(out, reuse):
    """Builds (or, with `reuse`, finds) every actor in OUT/<actor>/; returns an error or None."""
    out.mkdir(parents=True)
    counter_reused = reuse and (reuse / "python-counter/python-counter.wasm").is_file()
    missing = [actor for actor in FIXTURE_ACTORS
               if reuse and not (reuse / actor / f"{actor}.wasm").is_file()]
    if missing:
        return (f"--reuse {reuse}: no {', '.join(f'{a}/{a}.wasm' for a in missing)} there "
                f"(build them with: {FIXTURES / 'build.sh'} {reuse})")
    if not counter_reused and shutil.which("componentize-py") is None:
        return ("componentize-py is not on the PATH: install it (pip install componentize-py==0.25.1) "
                "to build the Python actors")
    start = time.time()
    if reuse:
        for actor in FIXTURE_ACTORS + (["python-counter"] if counter_reused else []):
            (out / actor).mkdir()
            for name in ("manifest.toml", f"{actor}.wasm"):
                shutil.copy(reuse / actor / name, out / actor / name)
        print(f"reusing the actors built in {reuse}")
    counter = None if counter_reused else start_counter_build(out)
    built = [] if counter_reused else ["python-counter"]
    if not reuse:
        # The fixtures build while python-counter builds: two componentize-py at once.
        fixtures = run(["sh", FIXTURES / "build.sh", out], timeout=3600)
        if fixtures.returncode != 0:
            if counter:
                counter.kill()
                counter.wait()
            return "building the fixture actors failed:\n" + fixtures.stdout + fixtures.stderr
        built += FIXTURE_ACTORS
    if counter and counter.wait(timeout=3600) != 0:
        return "building python-counter failed:\n" + (out.parent / "python-counter-build.log").read_text()
    if built:
        print(f"componentize-py: built {', '.join(built)} in {time.time() - start:.0f} s")
    return None


def keep_actors(out, keep):
    """Copies each actor's manifest and component from OUT into KEEP, in the same layout."""
    for actor in ["python-counter"] + FIXTURE_ACTORS:
        (keep / actor).mkdir(parents=True, exist_ok=True)
        for name in ("manifest.toml", f"{actor}.wasm"):
            shutil.copy(out / actor / name, keep / actor / name)
    print(f"kept the actors in {keep}")


def write_seed8_pinger(out):
    """A manifest for pinger with `seed = 8`, in OUT/pinger-seed8/ next to ponger's folder so
    that pinger's spawn of `../ponger/manifest.toml` still holds; returns its path."""
    manifest = (out / "pinger/manifest.toml").read_text()
    changed = manifest.replace("seed = 7", "seed = 8").replace('component = "pinger.wasm"',
                                                                 'component = "../pinger/pinger.wasm"')
    if changed.count("seed = 8") != 1 or "../pinger/pinger.wasm" not in changed:
        raise ValueError("pinger's manifest no longer holds `seed = 7` and `component = \"pinger.wasm\"`")
    path = out / "pinger-seed8/manifest.toml"
    path.parent.mkdir()
    path.write_text(changed)
    return path


# ---------------------------------------------------------------------------------------------
# Running


class ActorRun:
    """One `theater run --json`: its process, the parsed document and its data directory."""

    def __init__(self, theater, manifest, data_dir, messages, greeting, workdir):
        command = [theater, "run", manifest, "--data-dir", data_dir, "--json"]
        for kind, message in messages:
            command += [f"--{kind}", message]
        start = time.time()
        self.process = run(command, env=environment(greeting), cwd=workdir)
        self.seconds = time.time() - start
        self.data_dir = data_dir
        try:
            self.document = json.loads(self.process.stdout)
        except ValueError:
            self.document = {}
        self.responses = self.document.get("responses")

    @property
    def ok(self):
        """Whether the run exited 0 with a document and no error in it."""
        return self.process.returncode == 0 and self.responses is not None and "error" not in self.document

    def chains(self):
        """Every chain file the run left in DATA/chains/."""
        return sorted((self.data_dir / "chains").glob("*.chain"))


def events(theater, chain, event_type):
    """The chain's events of `event_type` as `theater events --json` gives them."""
    process = run([theater, "events", chain, "--json", "--type", event_type])
    if process.returncode != 0:
        raise RuntimeError(describe(process))
    return json.loads(process.stdout)


def request_results(theater, chain):
    """The texts a chain's handle-request calls answered with, in order."""
    results = []
    for event in events(theater, chain, "export-return"):
        payload = event["payload"]
        if payload["function"].endswith("handle-request") and payload.get("result"):
            results.append(payload["result"]["value"].get("text"))
    return results


def check_counter(checks, name, actor_run):
    """The counter's responses for COUNTER_MESSAGES."""
    checks.check(f"{name}: run -> {actor_run.responses}  [{actor_run.seconds:.1f} s]",
                 actor_run.ok and actor_run.responses == COUNTER_RESPONSES,
                 f"expected {COUNTER_RESPONSES}\n{describe(actor_run.process)}")


def go_values(actor_run):
    """The (r, b) pairs of pinger's `go` responses (None for a response of another shape)."""
    values = []
    for response in actor_run.responses or []:
        match = GO_RESPONSE.fullmatch(response)
        values.append((match.group(2), match.group(3)) if match else None)
    return values


def check_pinger(checks, name, actor_run, greeting, gos):
    """pinger's `go` responses: the ponger count, a range result, 4 bytes, greeting, clock."""
    expected_greeting = greeting if greeting is not None else "(unset)"
    shapes = [GO_RESPONSE.fullmatch(response) for response in actor_run.responses or []]
    ok = actor_run.ok and len(shapes) == gos and all(
        match and match.group(1) == str(index + 1) and 1 <= int(match.group(2)) <= 100
        and match.group(4) == expected_greeting and match.group(5) == "ok"
        for index, match in enumerate(shapes))
    checks.check(f"{name}: run -> {actor_run.responses}  [{actor_run.seconds:.1f} s]", ok,
                 f"expected {gos} responses `pong#<n> r=<1...100> b=<8 hex> g={expected_greeting} t=ok`"
                 f"\n{describe(actor_run.process)}")


def check_pinger_chains(checks, theater, name, actor_run, gos):
    """pinger's run left pinger's chain and its spawned ponger's, linked and complete."""
    pinger_id = actor_run.document.get("actor_id")
    spawned = SPAWN_LOG.search(actor_run.process.stderr)
    ponger_id = spawned.group(1) if spawned else None
    names = sorted(chain.stem for chain in actor_run.chains())
    checks.check(f"{name}: the chains are pinger's and its ponger's", pinger_id and ponger_id
                 and names == sorted([pinger_id, ponger_id]),
                 f"pinger {pinger_id}, spawned ponger {ponger_id}; chains {names}\n{actor_run.process.stderr}")
    if not ponger_id or not (actor_run.data_dir / "chains" / f"{ponger_id}.chain").is_file():
        return
    ponger_chain = actor_run.data_dir / "chains" / f"{ponger_id}.chain"
    try:
        started = events(theater, ponger_chain, "actor-started")
        parent = started[0]["payload"].get("parent_id") if started else None
        answers = request_results(theater, ponger_chain)
    except (RuntimeError, ValueError, KeyError, IndexError) as error:
        checks.check(f"{name}: ponger's chain is readable", False, error)
        return
    expected = [f"pong#{n}" for n in range(1, gos + 1)]
    checks.check(f"{name}: ponger's chain has parent pinger and answers {expected}",
                 parent == pinger_id and answers == expected,
                 f"parent {parent} (pinger {pinger_id}); answers {answers}")


def check_chain(checks, theater, chain, data_dir, label):
    """`verify` passes and `replay` is identical, with and without another greeting."""
    verify = run([theater, "verify", chain])
    checks.check(f"{label}: verify", verify.returncode == 0 and verify.stdout.startswith("chain verified"),
                 describe(verify))
    for greeting, what in ((None, "replay"), ("goodbye", f"replay with {GREETING_VARIABLE}=goodbye")):
        start = time.time()
        replay = run([theater, "replay", chain, "--data-dir", data_dir], env=environment(greeting))
        checks.check(f"{label}: {what}: {replay.stdout.strip()}  [{time.time() - start:.1f} s]",
                     replay.returncode == 0 and replay.stdout.startswith("replay identical"), describe(replay))


def check_tampered_chain(checks, theater, chain, workdir):
    """A copy of `chain` with one byte changed fails `verify` with an error (status 1)."""
    data = bytearray(chain.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = workdir / "tampered.chain"
    tampered.write_bytes(bytes(data))
    verify = run([theater, "verify", tampered], timeout=60)
    message = (verify.stdout + verify.stderr).strip().splitlines()
    checks.check(f"a chain with byte {len(data) // 2} changed fails verify: {message[-1] if message else ''}",
                 verify.returncode == 1 and message, describe(verify))


def check_changed_actor_diverges(checks, theater, ponger_chain, data_dir, component):
    """Replaying ponger's chain on another actor (python-counter) reports a divergence."""
    replay = run([theater, "replay", ponger_chain, "--data-dir", data_dir, "--component", component])
    first_line = replay.stdout.strip().splitlines()[0] if replay.stdout.strip() else ""
    checks.check(f"ponger's chain replayed on python-counter.wasm: {first_line}",
                 replay.returncode == 1 and first_line.startswith("replay diverged at event"), describe(replay))


def check_all(theater, out, workdir):
    """Runs every check; returns the Checks."""
    checks = Checks()
    data = workdir / "data"
    runs = []

    def start(label, manifest, messages, greeting=None):
        actor_run = ActorRun(theater, manifest, data / label, messages, greeting, workdir)
        runs.append((label, actor_run))
        return actor_run

    for actor in ("python-counter", "simple-named"):
        check_counter(checks, actor, start(actor, out / actor / "manifest.toml", COUNTER_MESSAGES))

    gos = [("request", "go"), ("request", "go")]
    first = start("pinger", out / "pinger/manifest.toml", gos, greeting="hello")
    check_pinger(checks, "pinger (seed 7)", first, "hello", 2)
    check_pinger_chains(checks, theater, "pinger (seed 7)", first, 2)

    again = start("pinger-again", out / "pinger/manifest.toml", gos, greeting="hello")
    check_pinger(checks, "pinger again (seed 7)", again, "hello", 2)
    checks.check(f"seed 7 draws the same r/b in two runs: {go_values(first)} and {go_values(again)}",
                 first.ok and again.ok and None not in go_values(first) and go_values(first) == go_values(again))

    other_seed = start("pinger-seed8", write_seed8_pinger(out), gos, greeting=None)
    check_pinger(checks, "pinger (seed 8, greeting unset)", other_seed, None, 2)
    checks.check(f"seed 8 draws other r/b than seed 7: {go_values(other_seed)}",
                 other_seed.ok and None not in go_values(other_seed) and go_values(other_seed) != go_values(first))

    for label, actor_run in runs:
        chains = actor_run.chains()
        if not chains:
            checks.check(f"{label}: a chain in {actor_run.data_dir / 'chains'}", False)
        for chain in chains:
            who = "pinger" if chain.stem == actor_run.document.get("actor_id") else "ponger"
            name = label if label.startswith(("python-counter", "simple-named")) else f"{label}: {who}"
            check_chain(checks, theater, chain, actor_run.data_dir, f"{name} chain")

    if first.document.get("chain") and Path(first.document["chain"]).is_file():
        check_tampered_chain(checks, theater, Path(first.document["chain"]), workdir)
    ponger_chains = [chain for chain in first.chains() if chain.stem != first.document.get("actor_id")]
    if ponger_chains:
        check_changed_actor_diverges(checks, theater, ponger_chains[0], first.data_dir,
                                     out / "python-counter/python-counter.wasm")
    return checks


def option(name):
    """The value after `name` on the command line as a Path, or None."""
    if name not in sys.argv:
        return None
    index = sys.argv.index(name)
    if index + 1 >= len(sys.argv):
        raise SystemExit(f"{name} needs a directory")
    return Path(sys.argv[index + 1]).resolve()


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        print(__doc__)
        return 2
    theater = Path(sys.argv[1]).resolve()
    if not os.access(theater, os.X_OK):
        print(f"{sys.argv[1]}: no theater binary there (build it with: swift build -c release)")
        return 2
    reuse, keep = option("--reuse"), option("--keep")
    started = time.time()
    workdir = Path(tempfile.mkdtemp(prefix="theater-python-actors-"))
    try:
        out = workdir / "actors"
        error = build(out, reuse)
        if error:
            print(error)
            return 1
        checks = check_all(theater, out, workdir)
        if keep:
            keep_actors(out, keep)
        print(f"{checks.passed} passed, {checks.failed} failed  [{time.time() - started:.0f} s]")
        return 1 if checks.failed else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
