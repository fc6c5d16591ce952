"""Ponger: the child half of the replay fixture. It counts the pings it is asked and the
notes it is sent, in a JSON state {"pings": n, "notes": m}.

    request "ping"   pings + 1, responds "pong#<pings>"
    request "stats"  responds "pings=<n> notes=<m>"
    send "note"      notes + 1
Other requests get "unknown request"; other one-way messages are only logged.
"""
import json
from typing import Optional, Tuple

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import runtime, types


def load(state: Optional[bytes]) -> dict:
    """The counts a state holds (no state is no pings and no notes)."""
    if state is None:
        return {"pings": 0, "notes": 0}
    try:
        counts = json.loads(state)
        return {"pings": int(counts["pings"]), "notes": int(counts["notes"])}
    except (ValueError, KeyError, TypeError):
        raise Err("the state is not ponger's JSON counts")


def save(counts: dict) -> bytes:
    return json.dumps(counts, sort_keys=True).encode()


class Actor(exports.Actor):
    def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        (actor_id,) = params
        runtime.log("ponger " + actor_id + " started")
        return (save(load(state)),)


class MessageServerClient(exports.MessageServerClient):
    def handle_send(self, state: Optional[bytes], params: Tuple[bytes]) -> Tuple[Optional[bytes]]:
        (msg,) = params
        counts = load(state)
        if msg == b"note":
            counts["notes"] += 1
        else:
            runtime.log("ponger ignores a message of " + str(len(msg)) + " bytes")
        return (save(counts),)

    def handle_request(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[Optional[bytes]]]:
        _request_id, msg = params
        counts = load(state)
        if msg == b"ping":
            counts["pings"] += 1
            return (save(counts), (("pong#" + str(counts["pings"])).encode(),))
        if msg == b"stats":
            answer = "pings=" + str(counts["pings"]) + " notes=" + str(counts["notes"])
            return (save(counts), (answer.encode(),))
        return (save(counts), (b"unknown request",))

    def handle_channel_open(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[types.ChannelAccept]]:
        return (save(load(state)), (types.ChannelAccept(accepted=False, message=None),))

    def handle_channel_message(self, state: Optional[bytes], params: Tuple[str, bytes]) -> Tuple[Optional[bytes]]:
        return (save(load(state)),)

    def handle_channel_close(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        return (save(load(state)),)
