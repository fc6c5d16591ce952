import ComponentModel
import Foundation

/// `ntwk:theater/http-framework`: HTTP and WebSocket servers run by an actor.
///
/// - `create-server(server-config) -> result<server-id, string>`: a server on `host`
///   (default 127.0.0.1; others only as `allowed_hosts` permits) and `port` (default: a free
///   one), HTTPS when `tls-config` names a certificate and key (PEM files; an unreadable one
///   is an `err` naming its path). Not listening until started.
/// - `get-server-info(server-id) -> result<server-info, string>`: the port is the bound
///   port once started.
/// - `start-server(server-id) -> result<u16, string>`: binds and returns the bound port;
///   `stop-server` closes its WebSocket connections and frees the port (it can start
///   again); `destroy-server` stops it and forgets it with its routes and middlewares.
/// - `register-handler(name) -> result<handler-id, string>`: an id the actor's
///   `http-handlers` exports receive, to tell its routes apart.
/// - `add-route(server-id, path, method, handler-id) -> result<route-id, string>`: `path`
///   has literal segments, `:name` parameters and a final `*` (see `HTTPRoutePattern`);
///   `method` is one method or `*`/`ANY`. The actor receives the whole request target
///   (path and query) in `uri` and reads parameters from it. `remove-route(route-id)`.
/// - `add-middleware(server-id, path, handler-id) -> result<middleware-id, string>`:
///   requests at or below `path` pass `handle-middleware` first, in the order added;
///   `proceed: false` answers 403, otherwise the returned request goes on.
///   `remove-middleware(middleware-id)`.
/// - `enable-websocket(server-id, path, connect?, message, disconnect?)`: upgrades requests
///   on `path` (see `WebSocketSession`); `disable-websocket(server-id, path)` stops new
///   upgrades. `send-websocket-message(server-id, connection-id, message)` and
///   `close-websocket(server-id, connection-id)` work from any call, in order per connection.
///
/// Requests reach the actor as recorded export calls (one at a time) and every function
/// here is recorded, so a replay binds no port. Servers stop when the actor stops. The
/// limits and the answers the host gives itself: `HTTPFrameworkConfig`, `HTTPRequestDispatcher`.
enum HTTPFrameworkHandler {
    static func interface(_ context: ActorContext, config: HTTPFrameworkConfig) -> GrantedInterface {
        var interface = RecordedInterface("http-framework", recorder: context.recorder)
        let table = HTTPServerTable()
        context.stopHooks.append { table.releaseAll() }
        let actor = ActorExportCall(runtime: context.runtime, actorID: context.actorID,
                                    timeout: .milliseconds(Int64(config.requestTimeoutMs)))
        let baseDirectory = context.manifest.baseDirectory

        interface.function("create-server", [TheaterTypes.serverConfig], TheaterTypes.result(.u64)) { arguments in
            try outcome {
                let settings = try HTTPServerSettings(arguments[0], config: config, baseDirectory: baseDirectory)
                let server = try table.addServer { id in
                    HTTPFrameworkServer(id: id, host: settings.host, port: settings.port, tls: settings.tls,
                                        limits: config, actor: actor)
                }
                return .u64(server.id)
            }
        }
        interface.function("get-server-info", [.u64], TheaterTypes.result(TheaterTypes.serverInfo)) { arguments in
            try outcome { try table.server(try arguments[0].u64Argument()).info }
        }
        interface.asyncFunction("start-server", [.u64], TheaterTypes.result(.u16)) { arguments in
            let id = try arguments[0].u64Argument()
            do throws(HostFunctionError) {
                return .outcome(.success(.u16(try await table.server(id).start())))
            } catch {
                return .outcome(.failure(error))
            }
        }
        interface.asyncFunction("stop-server", [.u64], TheaterTypes.unitResult) { arguments in
            let id = try arguments[0].u64Argument()
            do throws(HostFunctionError) {
                try await table.server(id).stop()
                return .outcome(.success(nil))
            } catch {
                return .outcome(.failure(error))
            }
        }
        interface.asyncFunction("destroy-server", [.u64], TheaterTypes.unitResult) { arguments in
            let id = try arguments[0].u64Argument()
            do throws(HostFunctionError) {
                let server = try table.removeServer(id)
                if server.isRunning { try? await server.stop() }
                return .outcome(.success(nil))
            } catch {
                return .outcome(.failure(error))
            }
        }
        interface.function("register-handler", [.string], TheaterTypes.result(.u64)) { arguments in
            .outcome(.success(.u64(table.registerHandler(try arguments[0].stringArgument()))))
        }
        interface.function("add-route", [.u64, .string, .string, .u64], TheaterTypes.result(.u64)) { arguments in
            try outcome {
                let server = try table.server(try arguments[0].u64Argument())
                let pattern = try HTTPRoutePattern(try arguments[1].stringArgument())
                let method = try HTTPRouteMethod(try arguments[2].stringArgument())
                let handler = try arguments[3].u64Argument()
                try table.requireHandler(handler, for: "add-route \(method) \(pattern)")
                return try server.withRoutes { routes throws(HostFunctionError) in
                    let id = table.newRoute(on: server.id)
                    do throws(HostFunctionError) {
                        try routes.add(.init(id: id, pattern: pattern, method: method, handler: handler))
                    } catch {
                        _ = try? table.takeRoute(id)
                        throw error
                    }
                    return .u64(id)
                }
            }
        }
        interface.function("remove-route", [.u64], TheaterTypes.unitResult) { arguments in
            try outcome {
                let id = try arguments[0].u64Argument()
                _ = try table.takeRoute(id).withRoutes { routes throws(HostFunctionError) in routes.removeRoute(id) }
                return nil
            }
        }
        interface.function("add-middleware", [.u64, .string, .u64], TheaterTypes.result(.u64)) { arguments in
            try outcome {
                let server = try table.server(try arguments[0].u64Argument())
                let pattern = try HTTPRoutePattern(try arguments[1].stringArgument())
                let handler = try arguments[2].u64Argument()
                try table.requireHandler(handler, for: "add-middleware \(pattern)")
                let id = table.newMiddleware(on: server.id)
                try server.withRoutes { routes throws(HostFunctionError) in
                    routes.add(.init(id: id, pattern: pattern, handler: handler))
                }
                return .u64(id)
            }
        }
        interface.function("remove-middleware", [.u64], TheaterTypes.unitResult) { arguments in
            try outcome {
                let id = try arguments[0].u64Argument()
                _ = try table.takeMiddleware(id).withRoutes { routes throws(HostFunctionError) in routes.removeMiddleware(id) }
                return nil
            }
        }
        interface.function("enable-websocket", [.u64, .string, .option(.u64), .u64, .option(.u64)],
                           TheaterTypes.unitResult) { arguments in
            try outcome {
                let server = try table.server(try arguments[0].u64Argument())
                let pattern = try HTTPRoutePattern(try arguments[1].stringArgument())
                let connect = try optionalID(arguments[2]), message = try arguments[3].u64Argument()
                let disconnect = try optionalID(arguments[4])
                for handler in [connect, message, disconnect].compactMap({ $0 }) {
                    try table.requireHandler(handler, for: "enable-websocket \(pattern)")
                }
                try server.withRoutes { routes throws(HostFunctionError) in
                    try routes.add(.init(pattern: pattern, connectHandler: connect, messageHandler: message,
                                         disconnectHandler: disconnect))
                }
                return nil
            }
        }
        interface.function("disable-websocket", [.u64, .string], TheaterTypes.unitResult) { arguments in
            try outcome {
                let server = try table.server(try arguments[0].u64Argument())
                let pattern = try HTTPRoutePattern(try arguments[1].stringArgument())
                guard try server.withRoutes({ routes throws(HostFunctionError) in routes.removeWebSocket(pattern) }) else {
                    throw HostFunctionError("WebSocket is not enabled on path \(pattern) of server \(server.id)")
                }
                return nil
            }
        }
        interface.function("send-websocket-message", [.u64, .u64, TheaterTypes.webSocketMessage],
                           TheaterTypes.unitResult) { arguments in
            try outcome {
                let server = try table.server(try arguments[0].u64Argument())
                let connection = try server.connection(try arguments[1].u64Argument())
                guard connection.send(try WebSocketMessageValue(arguments[2])) else {
                    throw HostFunctionError("WebSocket connection \(connection.id) of server \(server.id) is closing")
                }
                return nil
            }
        }
        interface.function("close-websocket", [.u64, .u64], TheaterTypes.unitResult) { arguments in
            try outcome {
                let server = try table.server(try arguments[0].u64Argument())
                let connection = try server.connection(try arguments[1].u64Argument())
                guard connection.close() else {
                    throw HostFunctionError("WebSocket connection \(connection.id) of server \(server.id) is already closing")
                }
                return nil
            }
        }
        return interface.granted
    }

    /// `ok(value)` of `body`, or `err(message)` when it throws a `HostFunctionError`;
    /// other errors (malformed arguments: an actor bug) trap.
    private static func outcome(_ body: () throws -> ComponentValue?) throws -> ComponentValue {
        do {
            return .outcome(.success(try body()))
        } catch let error as HostFunctionError {
            return .outcome(.failure(error))
        }
    }

    private static func optionalID(_ value: ComponentValue) throws -> UInt64? {
        guard case .option(let payload) = value else { throw ComponentTrap("expected an option<u64>") }
        return try payload?.u64Argument()
    }
}
