"""An actor that fetches URLs through the `http-client` handler; componentize-py turns it
into a component of the `ntwk:theater` world `fetch-actor`.

A request is a URL (absolute, or a path when the manifest sets base_url). The answer is
one line of text: `<status> <length> <first bytes>` for a response, where the first bytes
are up to 64 bytes of the body with anything that is not printable ASCII shown as `.`;
or `error: <message>` when the handler refused or could not complete the request (a
host outside allowed_hosts, a timeout, a body over max_response_bytes, ...).

The actor keeps no state of its own; the handler records every request and response in
the chain, so `theater replay` reproduces a run without the network.
"""
from typing import Optional, Tuple

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import http_client, http_types, types

# How much of the body the answer shows.
PREVIEW_BYTES = 64


def preview(body: bytes) -> str:
    """The first bytes of `body` as printable ASCII (others shown as `.`)."""
    return "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in body[:PREVIEW_BYTES])


def fetch(url: str) -> str:
    """Sends GET `url` and describes the outcome in one line."""
    request = http_types.HttpRequest(
        method="GET", uri=url, headers=[("Accept", "*/*")], body=None)
    try:
        response = http_client.send_http(request)
    except Err as error:
        return "error: " + str(error.value)
    body = response.body or b""
    return f"{response.status} {len(body)} {preview(body)}"


class Actor(exports.Actor):
    def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        return (state,)


class MessageServerClient(exports.MessageServerClient):
    def handle_send(self, state: Optional[bytes], params: Tuple[bytes]) -> Tuple[Optional[bytes]]:
        # Fire-and-forget messages have no one to answer; the fetch is still recorded.
        (msg,) = params
        fetch(self._url(msg))
        return (state,)

    def handle_request(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[Optional[bytes]]]:
        _request_id, msg = params
        return (state, (fetch(self._url(msg)).encode("utf-8"),))

    @staticmethod
    def _url(msg: bytes) -> str:
        try:
            url = msg.decode("utf-8").strip()
        except UnicodeDecodeError:
            raise Err("the request is not a UTF-8 URL")
        if not url:
            raise Err("send a URL, e.g. http://127.0.0.1:8000/")
        return url

    def handle_channel_open(
        self, state: Optional[bytes], params: Tuple[str, bytes]
    ) -> Tuple[Optional[bytes], Tuple[types.ChannelAccept]]:
        return (state, (types.ChannelAccept(accepted=False, message=b"http-fetch takes no channels"),))

    def handle_channel_message(self, state: Optional[bytes], params: Tuple[str, bytes]) -> Tuple[Optional[bytes]]:
        return (state,)

    def handle_channel_close(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        return (state,)
