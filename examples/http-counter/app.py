"""An HTTP counter actor: a small JSON API and a WebSocket that pushes every change.

componentize-py turns it into a component of the `ntwk:theater` world `http-actor`.
In `init` the actor starts its own server through the `http-framework` handler:

  GET  /api/count           -> {"count": N}
  POST /api/count           -> adds 1 (or the body's {"by": K}), answers {"count": N}
  POST /api/count/add/:n    -> adds n (a path parameter), answers {"count": N}
  POST /admin/reset         -> sets 0; a middleware lets it through only with the header
                               `X-Admin-Token` equal to the state's admin token
  GET  /ws (WebSocket)      -> sends {"count": N} on connect and after every change;
                               a text message "get" is answered with the count, "add K" adds K

The state is JSON: {"count", "port", "admin_token", "server", "connections"}. The port comes
from the initial state (0: any free port); the actor logs the address it serves on.
Every request, WebSocket message and host answer is recorded in the actor's chain, so
`theater replay` reproduces a run without any network.
"""
import json
from typing import List, Optional, Tuple

from componentize_py_types import Err
from wit_world import exports
from wit_world.imports import http_framework, http_types, runtime, websocket_types

JSON_HEADERS = [("content-type", "application/json")]


def load(state: Optional[bytes]) -> dict:
    """The actor's state as a dict (defaults for a first start)."""
    data = {}
    if state:
        try:
            data = json.loads(state)
        except ValueError:
            raise Err("the state is not JSON")
        if not isinstance(data, dict):
            raise Err("the state is not a JSON object")
    data.setdefault("count", 0)
    data.setdefault("port", 8080)
    data.setdefault("admin_token", "let-me-in")
    data.setdefault("connections", [])
    return data


def save(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True).encode()


def respond(status: int, body: dict) -> http_types.HttpResponse:
    return http_types.HttpResponse(status=status, headers=JSON_HEADERS, body=json.dumps(body).encode())


def count_message(count: int) -> websocket_types.WebsocketMessage:
    return websocket_types.WebsocketMessage(
        ty=websocket_types.MessageType_Text(), data=None, text=json.dumps({"count": count}))


def push(data: dict) -> None:
    """Sends the count to every open WebSocket connection."""
    for connection in data["connections"]:
        try:
            http_framework.send_websocket_message(data["server"], connection, count_message(data["count"]))
        except Err:
            pass  # the connection is closing; its disconnect removes it


def path_of(uri: str) -> str:
    return uri.split("?", 1)[0]


def amount_in(body: Optional[bytes]) -> int:
    """The `by` of a JSON body, 1 without a body."""
    if not body:
        return 1
    try:
        amount = json.loads(body).get("by", 1)
    except (ValueError, AttributeError):
        raise ValueError("the body is not a JSON object")
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise ValueError("by must be an integer")
    return amount


class Actor(exports.Actor):
    def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
        data = load(state)
        server = http_framework.create_server(
            http_types.ServerConfig(port=data["port"], host="127.0.0.1", tls_config=None))
        api = http_framework.register_handler("api")
        admin = http_framework.register_handler("admin")
        guard = http_framework.register_handler("admin-guard")
        socket = http_framework.register_handler("socket")
        http_framework.add_route(server, "/api/count", "GET", api)
        http_framework.add_route(server, "/api/count", "POST", api)
        http_framework.add_route(server, "/api/count/add/:n", "POST", api)
        http_framework.add_route(server, "/admin/reset", "POST", admin)
        http_framework.add_middleware(server, "/admin", guard)
        http_framework.enable_websocket(server, "/ws", socket, socket, socket)
        port = http_framework.start_server(server)
        data.update(server=server, handlers={"api": api, "admin": admin, "guard": guard, "socket": socket},
                    connections=[])
        runtime.log("http-counter serving on http://127.0.0.1:%d" % port)
        return (save(data),)


class HttpHandlers(exports.HttpHandlers):
    def handle_request(
        self, state: Optional[bytes], params: Tuple[int, http_types.HttpRequest]
    ) -> Tuple[Optional[bytes], Tuple[http_types.HttpResponse]]:
        handler, request = params
        data = load(state)
        path = path_of(request.uri)
        if handler == data["handlers"]["admin"]:
            data["count"] = 0
            push(data)
            return (save(data), (respond(200, {"count": 0}),))
        if request.method == "GET":
            return (save(data), (respond(200, {"count": data["count"]}),))
        if path.startswith("/api/count/add/"):
            text = path[len("/api/count/add/"):]
            if not text.lstrip("-").isdigit():
                return (save(data), (respond(400, {"error": "not a number: " + text}),))
            amount = int(text)
        else:
            try:
                amount = amount_in(request.body)
            except ValueError as problem:
                return (save(data), (respond(400, {"error": str(problem)}),))
        data["count"] += amount
        push(data)
        return (save(data), (respond(200, {"count": data["count"]}),))

    def handle_middleware(
        self, state: Optional[bytes], params: Tuple[int, http_types.HttpRequest]
    ) -> Tuple[Optional[bytes], Tuple[http_types.MiddlewareResult]]:
        _handler, request = params
        data = load(state)
        token = next((value for name, value in request.headers if name.lower() == "x-admin-token"), None)
        allowed = token == data["admin_token"]
        if not allowed:
            runtime.log("refused %s %s: no admin token" % (request.method, path_of(request.uri)))
        return (save(data), (http_types.MiddlewareResult(proceed=allowed, request=request),))

    def handle_websocket_connect(
        self, state: Optional[bytes], params: Tuple[int, int, str, Optional[str]]
    ) -> Tuple[Optional[bytes]]:
        _handler, connection, _path, _protocol = params
        data = load(state)
        data["connections"].append(connection)
        http_framework.send_websocket_message(data["server"], connection, count_message(data["count"]))
        return (save(data),)

    def handle_websocket_message(
        self, state: Optional[bytes], params: Tuple[int, int, websocket_types.WebsocketMessage]
    ) -> Tuple[Optional[bytes], Tuple[List[websocket_types.WebsocketMessage]]]:
        _handler, _connection, message = params
        data = load(state)
        text = (message.text or "").strip()
        if text == "get":
            return (save(data), ([count_message(data["count"])],))
        if text.startswith("add ") and text[4:].lstrip("-").isdigit():
            data["count"] += int(text[4:])
            push(data)
            return (save(data), ([],))
        error = websocket_types.WebsocketMessage(
            ty=websocket_types.MessageType_Text(), data=None, text=json.dumps({"error": "unknown: " + text}))
        return (save(data), ([error],))

    def handle_websocket_disconnect(self, state: Optional[bytes], params: Tuple[int, int]) -> Tuple[Optional[bytes]]:
        _handler, connection = params
        data = load(state)
        data["connections"] = [c for c in data["connections"] if c != connection]
        return (save(data),)
