"""The counter actor (as in examples/counter) built against the WIT package `theater:simple`
(upstream Theater's later name for `ntwk:theater`): its imports and exports are named
`theater:simple/...`, and it must run on Theater unchanged.

The state is the count as decimal ASCII text. Every export gets the current state and
returns the new one; raising `Err(text)` reports an actor error to the host.
"""
from typing import Optional, Tuple

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import runtime, types

# The counter in WAT counts in 64 bits; this one keeps the same limit so both behave alike.
COUNT_LIMIT = 2**64 - 1


def parse_decimal(text: bytes) -> Optional[int]:
    """The number written in `text` as ASCII digits only, or None if it is not one."""
    if not text or any(byte not in b"0123456789" for byte in text):
        return None
    return int(text)


def count_of(state: Optional[bytes]) -> int:
    """The count a state holds (no state is 0)."""
    if state is None:
        return 0
    count = parse_decimal(state)
    if count is None or count > COUNT_LIMIT:
        raise Err("the state is not a decimal count")
    return count


def state_of(count: int) -> bytes:
    """The state that holds `count`."""
    if count > COUNT_LIMIT:
        raise Err("the count would overflow")
    return str(count).encode()


class Actor(exports.Actor):
    def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        return (state_of(count_of(state)),)


class MessageServerClient(exports.MessageServerClient):
    def handle_send(self, state: Optional[bytes], params: Tuple[bytes]) -> Tuple[Optional[bytes]]:
        (msg,) = params
        new_state = state_of(count_of(state) + 1)
        try:
            runtime.log("received " + msg.decode("utf-8"))
        except UnicodeDecodeError:
            runtime.log("received a message that is not UTF-8")
        return (new_state,)

    def handle_request(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[Optional[bytes]]]:
        _request_id, msg = params
        count = count_of(state)
        if msg == b"get":
            return (state_of(count), (state_of(count),))
        if msg == b"fail":
            raise Err("asked to fail")
        if msg.startswith(b"add "):
            amount = parse_decimal(msg[4:])
            if amount is not None:
                if amount > COUNT_LIMIT:
                    raise Err("the number to add is too large")
                new_state = state_of(count + amount)
                return (new_state, (new_state,))
        return (state_of(count), (b"unknown request",))

    def handle_channel_open(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[types.ChannelAccept]]:
        # The counter takes no channels.
        return (state_of(count_of(state)), (types.ChannelAccept(accepted=False, message=None),))

    def handle_channel_message(self, state: Optional[bytes], params: Tuple[str, bytes]) -> Tuple[Optional[bytes]]:
        return (state_of(count_of(state)),)

    def handle_channel_close(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        return (state_of(count_of(state)),)
