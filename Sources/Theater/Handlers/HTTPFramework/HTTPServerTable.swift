import Foundation

/// The servers, handler names, routes and middlewares one actor created, by the actor's
/// own ids: one counter per kind, counting 1, 2, 3, ... in call order, so a run's ids are
/// the same every time. Shared by the actor's host calls and its stop hook.
final class HTTPServerTable: @unchecked Sendable {
    private let lock = NSLock()
    private var servers: [UInt64: HTTPFrameworkServer] = [:]
    private var handlers: [UInt64: String] = [:]
    private var routeServers: [UInt64: UInt64] = [:]
    private var middlewareServers: [UInt64: UInt64] = [:]
    private var lastServerID: UInt64 = 0
    private var lastHandlerID: UInt64 = 0
    private var lastRouteID: UInt64 = 0
    private var lastMiddlewareID: UInt64 = 0
    private var closed = false

    /// Adds a server built by `make(id)` under the next server id.
    func addServer(_ make: (UInt64) throws(HostFunctionError) -> HTTPFrameworkServer) throws(HostFunctionError) -> HTTPFrameworkServer {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw HostFunctionError("the actor is stopping") }
        let server = try make(lastServerID + 1)
        lastServerID += 1
        servers[server.id] = server
        return server
    }

    /// Server `id`.
    func server(_ id: UInt64) throws(HostFunctionError) -> HTTPFrameworkServer {
        guard let server = lock.withLock({ servers[id] }) else {
            throw HostFunctionError("no server \(id) was created by this actor (or it was destroyed)")
        }
        return server
    }

    /// Forgets server `id` and its routes and middlewares; returns it.
    func removeServer(_ id: UInt64) throws(HostFunctionError) -> HTTPFrameworkServer {
        let server = try self.server(id)
        lock.withLock {
            servers[id] = nil
            routeServers = routeServers.filter { $0.value != id }
            middlewareServers = middlewareServers.filter { $0.value != id }
        }
        return server
    }

    /// Registers handler `name`; returns its id.
    func registerHandler(_ name: String) -> UInt64 {
        lock.withLock {
            lastHandlerID += 1
            handlers[lastHandlerID] = name
            return lastHandlerID
        }
    }

    /// Throws unless handler `id` was registered.
    func requireHandler(_ id: UInt64, for use: String) throws(HostFunctionError) {
        guard lock.withLock({ handlers[id] != nil }) else {
            throw HostFunctionError("\(use): no handler \(id) was registered (call register-handler first)")
        }
    }

    /// The next route id, recorded as belonging to `server`.
    func newRoute(on server: UInt64) -> UInt64 {
        lock.withLock {
            lastRouteID += 1
            routeServers[lastRouteID] = server
            return lastRouteID
        }
    }

    /// The next middleware id, recorded as belonging to `server`.
    func newMiddleware(on server: UInt64) -> UInt64 {
        lock.withLock {
            lastMiddlewareID += 1
            middlewareServers[lastMiddlewareID] = server
            return lastMiddlewareID
        }
    }

    /// Removes route `id` from the books; returns its server.
    func takeRoute(_ id: UInt64) throws(HostFunctionError) -> HTTPFrameworkServer {
        guard let serverID = lock.withLock({ routeServers.removeValue(forKey: id) }) else {
            throw HostFunctionError("no route \(id) exists (never added, removed, or its server was destroyed)")
        }
        return try server(serverID)
    }

    /// Removes middleware `id` from the books; returns its server.
    func takeMiddleware(_ id: UInt64) throws(HostFunctionError) -> HTTPFrameworkServer {
        guard let serverID = lock.withLock({ middlewareServers.removeValue(forKey: id) }) else {
            throw HostFunctionError("no middleware \(id) exists (never added, removed, or its server was destroyed)")
        }
        return try server(serverID)
    }

    /// Stops every server (the actor stopped); later creations are refused.
    func releaseAll() {
        let all = lock.withLock { () -> [HTTPFrameworkServer] in
            closed = true
            defer { servers = [:] }
            return Array(servers.values)
        }
        all.forEach { $0.release() }
    }
}
