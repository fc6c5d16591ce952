import ComponentModel
import Foundation
import NIOSSL

/// One server an actor created with `create-server`: where it listens, its routes,
/// middlewares and WebSocket endpoints, the Hummingbird server while it runs, and its open
/// WebSocket connections. Thread-safe: the actor's host calls change it while network
/// tasks read it.
final class HTTPFrameworkServer: @unchecked Sendable {
    /// The actor's id for it (1, 2, 3, ...).
    let id: UInt64
    /// The address it binds.
    let host: String
    /// The port asked for (0: a free one).
    let requestedPort: UInt16
    /// The TLS settings when it serves HTTPS.
    let tls: TLSConfiguration?
    /// The handler's limits.
    let limits: HTTPFrameworkConfig
    /// How it calls its actor.
    let actor: ActorExportCall

    private let lock = NSLock()
    private var routeTable = HTTPRouteTable()
    private var runner: HTTPServerRunner?
    private var starting = false
    private var boundPort: UInt16?
    private var connections: [UInt64: WebSocketConnection] = [:]
    private var lastConnectionID: UInt64 = 0

    /// A server that is not running yet.
    init(id: UInt64, host: String, port: UInt16, tls: TLSConfiguration?, limits: HTTPFrameworkConfig, actor: ActorExportCall) {
        self.id = id
        self.host = host
        self.requestedPort = port
        self.tls = tls
        self.limits = limits
        self.actor = actor
    }

    /// Reads or changes the route table under the server's lock.
    func withRoutes<T>(_ body: (inout HTTPRouteTable) throws(HostFunctionError) -> T) throws(HostFunctionError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&routeTable)
    }

    /// A copy of the route table as it is now (what one request is dispatched by).
    var routes: HTTPRouteTable { lock.withLock { routeTable } }

    /// `server-info`.
    var info: ComponentValue {
        lock.withLock {
            .record([
                ComponentField("id", .u64(id)), ComponentField("port", .u16(boundPort ?? requestedPort)),
                ComponentField("host", .string(host)), ComponentField("running", .bool(runner != nil)),
                ComponentField("routes-count", .u32(UInt32(routeTable.routes.count))),
                ComponentField("middleware-count", .u32(UInt32(routeTable.middlewares.count))),
                ComponentField("websocket-enabled", .bool(!routeTable.webSockets.isEmpty)),
            ])
        }
    }

    /// Binds and starts serving; returns the bound port. Starting a running server is an error.
    func start() async throws(HostFunctionError) -> UInt16 {
        lock.lock()
        if let boundPort, runner != nil {
            lock.unlock()
            throw HostFunctionError("server \(id) is already running on port \(boundPort)")
        }
        guard !starting else {
            lock.unlock()
            throw HostFunctionError("server \(id) is already starting")
        }
        starting = true
        lock.unlock()
        do {
            let (started, port) = try await HTTPServerRunner.start(self)
            lock.withLock {
                runner = started
                boundPort = port
                starting = false
            }
            return port
        } catch {
            lock.withLock { starting = false }
            throw error
        }
    }

    /// Closes its WebSocket connections and stops listening (the port is free when this
    /// returns). Stopping a server that is not running is an error.
    func stop() async throws(HostFunctionError) {
        guard let stopping = lock.withLock({ () -> HTTPServerRunner? in
            defer { runner = nil }
            return runner
        }) else { throw HostFunctionError("server \(id) is not running") }
        closeAllConnections()
        await stopping.stop()
    }

    /// Stops without waiting (the actor has stopped).
    func release() {
        let stopping = lock.withLock { () -> HTTPServerRunner? in
            defer { runner = nil }
            return runner
        }
        closeAllConnections()
        if let stopping { Task { await stopping.stop() } }
    }

    var isRunning: Bool { lock.withLock { runner != nil } }

    /// Registers a new connection on `endpoint`, or nil when the server is stopping.
    func openConnection(_ endpoint: HTTPRouteTable.WebSocketEndpoint) -> WebSocketConnection? {
        lock.withLock {
            guard runner != nil || starting else { return nil }
            lastConnectionID += 1
            let connection = WebSocketConnection(id: lastConnectionID, endpoint: endpoint)
            connections[connection.id] = connection
            return connection
        }
    }

    /// Forgets a closed connection.
    func connectionClosed(_ id: UInt64) {
        _ = lock.withLock { connections.removeValue(forKey: id) }
    }

    /// The open connection `id`.
    func connection(_ id: UInt64) throws(HostFunctionError) -> WebSocketConnection {
        guard let connection = lock.withLock({ connections[id] }) else {
            throw HostFunctionError("server \(self.id) has no open WebSocket connection \(id)")
        }
        return connection
    }

    private func closeAllConnections() {
        let open = lock.withLock { Array(connections.values) }
        for connection in open { connection.close() }
    }
}
