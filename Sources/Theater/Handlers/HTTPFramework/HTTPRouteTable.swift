/// What one server dispatches to: its routes, middlewares and WebSocket endpoints, by the
/// actor's ids. A value guarded by its server's lock: Hummingbird's router is fixed when a
/// server starts, but an actor may add and remove routes at any time, so every request is
/// dispatched through this table from one catch-all responder.
struct HTTPRouteTable: Sendable {
    /// One route: a pattern, a method and the handler called for it.
    struct Route: Sendable {
        let id: UInt64
        let pattern: HTTPRoutePattern
        let method: HTTPRouteMethod
        let handler: UInt64
    }

    /// One middleware: requests at or below `pattern` pass `handle-middleware` of `handler`.
    struct Middleware: Sendable {
        let id: UInt64
        let pattern: HTTPRoutePattern
        let handler: UInt64
    }

    /// One WebSocket endpoint: upgrades requests for `pattern`.
    struct WebSocketEndpoint: Sendable {
        let pattern: HTTPRoutePattern
        let connectHandler: UInt64?
        let messageHandler: UInt64
        let disconnectHandler: UInt64?
    }

    /// What a request path and method lead to.
    enum Match {
        case route(Route)
        /// Routes match the path, but none for this method (405, with the `Allow` list).
        case methodNotAllowed([String])
        case notFound
    }

    private(set) var routes: [Route] = []
    private(set) var middlewares: [Middleware] = []
    private(set) var webSockets: [WebSocketEndpoint] = []

    /// Adds a route; throws when an equivalent pattern already has this method.
    mutating func add(_ route: Route) throws(HostFunctionError) {
        if let clash = routes.first(where: { $0.pattern.isEquivalent(to: route.pattern) && ($0.method == route.method) }) {
            throw HostFunctionError("a route for \(route.method) \(route.pattern) exists already (route \(clash.id), path \(clash.pattern))")
        }
        routes.append(route)
    }

    /// Removes route `id`; returns whether it was there.
    mutating func removeRoute(_ id: UInt64) -> Bool {
        guard let index = routes.firstIndex(where: { $0.id == id }) else { return false }
        routes.remove(at: index)
        return true
    }

    /// Adds a middleware after those already there (they run in the order added).
    mutating func add(_ middleware: Middleware) { middlewares.append(middleware) }

    /// Removes middleware `id`; returns whether it was there.
    mutating func removeMiddleware(_ id: UInt64) -> Bool {
        guard let index = middlewares.firstIndex(where: { $0.id == id }) else { return false }
        middlewares.remove(at: index)
        return true
    }

    /// Adds a WebSocket endpoint; throws when the path has one already.
    mutating func add(_ endpoint: WebSocketEndpoint) throws(HostFunctionError) {
        guard !webSockets.contains(where: { $0.pattern.isEquivalent(to: endpoint.pattern) }) else {
            throw HostFunctionError("WebSocket is already enabled on path \(endpoint.pattern)")
        }
        webSockets.append(endpoint)
    }

    /// Removes the WebSocket endpoint of `path`; returns whether there was one.
    mutating func removeWebSocket(_ path: HTTPRoutePattern) -> Bool {
        guard let index = webSockets.firstIndex(where: { $0.pattern.isEquivalent(to: path) }) else { return false }
        webSockets.remove(at: index)
        return true
    }

    /// The route for `method` on `path` (without query): the most specific match, the
    /// earliest added among equals.
    func match(method: String, path: Substring) -> Match {
        let matching = routes.filter { $0.pattern.match(path) != nil }
        guard !matching.isEmpty else { return .notFound }
        let allowed = matching.filter { $0.method.accepts(method) }
        guard let best = allowed.enumerated().max(by: { lhs, rhs in
            // Higher specificity wins; among equals the earlier route (max keeps the last maximum).
            if lhs.element.pattern.specificity != rhs.element.pattern.specificity {
                return lhs.element.pattern.specificity.lexicographicallyPrecedes(rhs.element.pattern.specificity)
            }
            return lhs.offset > rhs.offset
        })?.element else {
            var methods: [String] = []
            for route in matching where !methods.contains(route.method.description) { methods.append(route.method.description) }
            return .methodNotAllowed(methods)
        }
        return .route(best)
    }

    /// The middlewares that apply to `path`, in the order they were added.
    func middlewares(for path: Substring) -> [Middleware] {
        middlewares.filter { $0.pattern.covers(path) }
    }

    /// The WebSocket endpoint for `path`, if any.
    func webSocket(for path: Substring) -> WebSocketEndpoint? {
        webSockets.first { $0.pattern.match(path) != nil }
    }
}
