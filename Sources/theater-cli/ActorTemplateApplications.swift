/// The `app.py` of each `ActorTemplate`: a working Python actor for componentize-py,
/// written against the project's `ntwk:theater` WIT (the bindings are the `wit_world`
/// module componentize-py generates for the world `theater build` picks).
enum ActorTemplateApplications {
    /// Python's spelling of `name` inside a double-quoted string literal (names hold only
    /// letters, digits, `-` and `_`, so nothing needs escaping).
    private static func quoted(_ name: String) -> String { "\"\(name)\"" }

    /// World `basic-actor`: logs that it started and keeps its state.
    static func basic(name: String) -> String {
        #"""
        """\#(name): a basic Theater actor (world basic-actor), made by `theater create`.

        It logs that it started and keeps whatever state its manifest gives it. Grant more
        handlers in manifest.toml and pick a world that imports them to do more.
        """
        from typing import Optional, Tuple

        from wit_world import exports
        from wit_world.imports import runtime

        NAME = \#(quoted(name))


        class Actor(exports.Actor):
            def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
                (actor_id,) = params
                runtime.log(NAME + " " + actor_id + " started")
                return (state,)

        """#
    }

    /// World `message-server-actor`: counts one-way messages and answers requests.
    static func messageServer(name: String) -> String {
        #"""
        """\#(name): a message-server Theater actor (world message-server-actor), made by `theater create`.

        The state is the number of one-way messages received, as decimal text ("0" from the
        manifest's init_state).

            send M             logs "received M" and counts it
            request "count"    answers the count
            any other request  answers "echo: " followed by the request
        Channels are refused. Raising Err(text) reports an actor error to the host.
        """
        from typing import Optional, Tuple

        from componentize_py_types import Err
        from wit_world import exports
        from wit_world.imports import runtime, types

        NAME = \#(quoted(name))


        def count_of(state: Optional[bytes]) -> int:
            """The count a state holds (no state is 0)."""
            if state is None:
                return 0
            if not state or any(byte not in b"0123456789" for byte in state):
                raise Err("the state is not a decimal count")
            return int(state)


        def state_of(count: int) -> bytes:
            return str(count).encode()


        class Actor(exports.Actor):
            def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
                (actor_id,) = params
                count = count_of(state)
                runtime.log(NAME + " " + actor_id + " started with count " + str(count))
                return (state_of(count),)


        class MessageServerClient(exports.MessageServerClient):
            def handle_send(self, state: Optional[bytes], params: Tuple[bytes]) -> Tuple[Optional[bytes]]:
                (msg,) = params
                runtime.log("received " + msg.decode("utf-8", errors="replace"))
                return (state_of(count_of(state) + 1),)

            def handle_request(
                self, state: Optional[bytes], params: Tuple[str, bytes]
            ) -> Tuple[Optional[bytes], Tuple[Optional[bytes]]]:
                _request_id, msg = params
                count = count_of(state)
                if msg == b"count":
                    return (state_of(count), (state_of(count),))
                return (state_of(count), (b"echo: " + msg,))

            def handle_channel_open(
                self, state: Optional[bytes], params: Tuple[str, bytes]
            ) -> Tuple[Optional[bytes], Tuple[types.ChannelAccept]]:
                return (state, (types.ChannelAccept(accepted=False, message=None),))

            def handle_channel_message(self, state: Optional[bytes], params: Tuple[str, bytes]) -> Tuple[Optional[bytes]]:
                return (state,)

            def handle_channel_close(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
                return (state,)

        """#
    }

    /// World `supervisor-actor`: spawns the child its state names and logs the child's events.
    static func supervisor(name: String) -> String {
        #"""
        """\#(name): a supervisor Theater actor (world supervisor-actor), made by `theater create`.

        The state is JSON: {"child_manifest": "<path>", "children": ["<id>", ...]}. In init it
        spawns a child from child_manifest (a path relative to this actor's manifest; empty
        means no child) and logs the child's id; it logs every child failure, exit and stop.
        """
        import json
        from typing import Optional, Tuple

        from componentize_py_types import Err
        from wit_world import exports
        from wit_world.imports import runtime, supervisor, types

        NAME = \#(quoted(name))


        def load(state: Optional[bytes]) -> dict:
            """The supervisor's state; no state is no child manifest and no children."""
            if state is None:
                return {"child_manifest": "", "children": []}
            try:
                fields = json.loads(state)
                return {
                    "child_manifest": str(fields.get("child_manifest", "")),
                    "children": [str(child) for child in fields.get("children", [])],
                }
            except (ValueError, AttributeError, TypeError):
                raise Err('the state is not JSON like {"child_manifest": "child/manifest.toml"}')


        def save(fields: dict) -> bytes:
            return json.dumps(fields, sort_keys=True).encode()


        def forget(state: Optional[bytes], child: str) -> bytes:
            """The state without `child` among the children."""
            fields = load(state)
            fields["children"] = [known for known in fields["children"] if known != child]
            return save(fields)


        class Actor(exports.Actor):
            def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
                (actor_id,) = params
                fields = load(state)
                path = fields["child_manifest"]
                if path == "":
                    runtime.log(NAME + " " + actor_id + " started without a child: child_manifest is empty")
                    return (save(fields),)
                try:
                    child = supervisor.spawn(path, None)
                except Err as error:
                    raise Err("spawning " + path + " failed: " + str(error.value))
                fields["children"].append(child)
                runtime.log(NAME + " " + actor_id + " spawned child " + child + " from " + path)
                return (save(fields),)


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
                return (forget(state, child),)

            def handle_child_external_stop(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
                (child,) = params
                runtime.log("child " + child + " was stopped")
                return (forget(state, child),)

        """#
    }

    /// World `http-actor`: implements the HTTP handler exports and logs each call.
    static func http(name: String) -> String {
        #"""
        """\#(name): an HTTP Theater actor (world http-actor), made by `theater create`.

        In init it starts a server through the http-framework handler on the port its state
        holds (0: any free port): every GET gets a 200 "hello from <name>" response, a
        middleware lets everything through, WebSocket messages on /ws are echoed back; each
        call is logged.
        """
        from typing import List, Optional, Tuple

        from wit_world import exports
        from wit_world.imports import http_framework, http_types, runtime, websocket_types

        NAME = \#(quoted(name))


        class Actor(exports.Actor):
            def init(self, state: Optional[bytes], params: Tuple[str]) -> Tuple[Optional[bytes]]:
                (actor_id,) = params
                port = int(state or b"8080")
                server = http_framework.create_server(
                    http_types.ServerConfig(port=port, host="127.0.0.1", tls_config=None))
                hello = http_framework.register_handler("hello")
                http_framework.add_route(server, "/*", "GET", hello)
                http_framework.add_middleware(server, "/", hello)
                http_framework.enable_websocket(server, "/ws", hello, hello, hello)
                bound = http_framework.start_server(server)
                runtime.log(NAME + " " + actor_id + " serving on http://127.0.0.1:" + str(bound))
                return (state,)


        class HttpHandlers(exports.HttpHandlers):
            def handle_request(
                self, state: Optional[bytes], params: Tuple[int, http_types.HttpRequest]
            ) -> Tuple[Optional[bytes], Tuple[http_types.HttpResponse]]:
                handler_id, request = params
                runtime.log("handler " + str(handler_id) + ": " + request.method + " " + request.uri)
                response = http_types.HttpResponse(
                    status=200,
                    headers=[("content-type", "text/plain")],
                    body=("hello from " + NAME).encode(),
                )
                return (state, (response,))

            def handle_middleware(
                self, state: Optional[bytes], params: Tuple[int, http_types.HttpRequest]
            ) -> Tuple[Optional[bytes], Tuple[http_types.MiddlewareResult]]:
                _handler_id, request = params
                return (state, (http_types.MiddlewareResult(proceed=True, request=request),))

            def handle_websocket_connect(
                self, state: Optional[bytes], params: Tuple[int, int, str, Optional[str]]
            ) -> Tuple[Optional[bytes]]:
                _handler_id, connection_id, path, _protocol = params
                runtime.log("websocket " + str(connection_id) + " connected on " + path)
                return (state,)

            def handle_websocket_message(
                self, state: Optional[bytes], params: Tuple[int, int, websocket_types.WebsocketMessage]
            ) -> Tuple[Optional[bytes], Tuple[List[websocket_types.WebsocketMessage]]]:
                _handler_id, connection_id, message = params
                runtime.log("websocket " + str(connection_id) + " sent a message")
                return (state, ([message],))

            def handle_websocket_disconnect(self, state: Optional[bytes], params: Tuple[int, int]) -> Tuple[Optional[bytes]]:
                _handler_id, connection_id = params
                runtime.log("websocket " + str(connection_id) + " disconnected")
                return (state,)

        """#
    }
}
