"""Pinger: the parent half of the replay fixture. It touches every kind of input a replay
must reproduce: a request to and a message for another actor, the clock, seeded random
numbers, an environment variable and a sleep.

    init            spawns ../ponger/manifest.toml and keeps the child's id in a JSON state
                    {"ponger": "<id>", "gos": n}
    request "go"    requests ponger "ping", sends ponger "note", reads timing.now(),
                    random.random-range(1, 100), random.random-bytes(4),
                    environment.get-var("THEATER_TEST_GREETING"), sleeps 5 ms, and responds
                    "<ponger's answer> r=<range> b=<bytes in hex> g=<greeting> t=<ok if now > 0>"
                    (g=(unset) when the variable is not visible)
Other requests get "unknown request"; one-way messages are only logged; channels are refused.
"""
import json
from typing import Optional, Tuple

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import environment, message_server_host, runtime, supervisor, timing, types
from wit_world.imports import random as theater_random

# Where ponger's manifest is, relative to this actor's manifest.
PONGER_MANIFEST = "../ponger/manifest.toml"


def load(state: Optional[bytes]) -> dict:
    """Pinger's state: the child's id and how many "go" requests it answered."""
    if state is None:
        raise Err("pinger has no state: init did not run")
    try:
        fields = json.loads(state)
        return {"ponger": str(fields["ponger"]), "gos": int(fields["gos"])}
    except (ValueError, KeyError, TypeError):
        raise Err("the state is not pinger's JSON state")


def save(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True).encode()


def call(what: str, function, *arguments):
    """Calls a host function, turning its error into an actor error that says which call failed."""
    try:
        return function(*arguments)
    except Err as error:
        raise Err(what + " failed: " + str(error.value))


def go(ponger: str) -> str:
    """The "go" round: every input a replay must give back the same."""
    answer = call("request to ponger", message_server_host.request, ponger, b"ping")
    call("send to ponger", message_server_host.send, ponger, b"note")
    now = timing.now()
    number = call("random-range", theater_random.random_range, 1, 100)
    data = call("random-bytes", theater_random.random_bytes, 4)
    greeting = environment.get_var("THEATER_TEST_GREETING")
    call("sleep", timing.sleep, 5)
    return "{} r={} b={} g={} t={}".format(
        answer.decode("utf-8", errors="replace"),
        number,
        data.hex(),
        "(unset)" if greeting is None else greeting,
        "ok" if now > 0 else "zero",
    )


class Actor(exports.Actor):
    def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        (actor_id,) = params
        child = call("spawning " + PONGER_MANIFEST, supervisor.spawn, PONGER_MANIFEST, None)
        runtime.log("pinger " + actor_id + " spawned ponger " + child)
        return (save({"ponger": child, "gos": 0}),)


class MessageServerClient(exports.MessageServerClient):
    def handle_send(self, state: Optional[bytes], params: Tuple[bytes]) -> Tuple[Optional[bytes]]:
        (msg,) = params
        runtime.log("pinger ignores a message of " + str(len(msg)) + " bytes")
        return (save(load(state)),)

    def handle_request(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[Optional[bytes]]]:
        _request_id, msg = params
        fields = load(state)
        if msg == b"go":
            answer = go(fields["ponger"])
            fields["gos"] += 1
            return (save(fields), (answer.encode(),))
        return (save(fields), (b"unknown request",))

    def handle_channel_open(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[types.ChannelAccept]]:
        return (save(load(state)), (types.ChannelAccept(accepted=False, message=None),))

    def handle_channel_message(self, state: Optional[bytes], params: Tuple[str, bytes]) -> Tuple[Optional[bytes]]:
        return (save(load(state)),)

    def handle_channel_close(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        return (save(load(state)),)


class SupervisorHandlers(exports.SupervisorHandlers):
    def handle_child_error(
        self, state: Optional[bytes], params: Tuple[str, types.WitActorError]
    ) -> Tuple[Optional[bytes]]:
        child, error = params
        runtime.log("child " + child + " failed: " + error.error_type.name.lower().replace("_", "-"))
        return (save(load(state)),)

    def handle_child_exit(self, state: Optional[bytes], params: Tuple[str, Optional[bytes]]) -> Tuple[Optional[bytes]]:
        child, _data = params
        runtime.log("child " + child + " exited")
        return (save(load(state)),)

    def handle_child_external_stop(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        (child,) = params
        runtime.log("child " + child + " was stopped")
        return (save(load(state)),)
