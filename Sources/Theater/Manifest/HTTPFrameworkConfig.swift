/// Settings of the `http-framework` handler: the limits every server of the actor keeps
/// and, optionally, where its servers may listen. The seed documents define none (the actor
/// creates servers, picks ports and adds routes at run time); all are optional.
///
/// ```toml
/// [[handler]]
/// type = "http-framework"
/// max_body_bytes = 1048576              # larger request bodies get 413 (default 1 MiB)
/// max_header_bytes = 16384              # larger header sections get 431 (default 16 KiB)
/// max_connections = 256                 # open connections per server (default 256)
/// request_timeout_ms = 30000            # an actor busy past it: 503 (default 30 s)
/// max_websocket_message_bytes = 1048576 # larger WebSocket messages close the connection
/// allowed_hosts = ["127.0.0.1"]         # addresses a server may bind (default: loopback only)
/// allowed_ports = [8080, 8081]          # ports a server may bind (default: any; 0 = a free port)
/// ```
/// How the handler applies them: `HTTPFrameworkHandler`, `HTTPRequestDispatcher`.
public struct HTTPFrameworkConfig: Sendable, Equatable {
    /// The largest request body passed to an actor, in bytes.
    public var maxBodyBytes: Int
    /// The largest header section (names, values and separators) accepted, in bytes.
    public var maxHeaderBytes: Int
    /// How many connections one server keeps open at once; more wait to be accepted.
    public var maxConnections: Int
    /// How long a request waits for the actor before it is answered 503, in milliseconds.
    public var requestTimeoutMs: UInt64
    /// The largest WebSocket message accepted, in bytes.
    public var maxWebSocketMessageBytes: Int
    /// The addresses a server may bind, or nil for the loopback addresses only.
    public var allowedHosts: [String]?
    /// The ports a server may bind (0 meaning a free port), or nil for any.
    public var allowedPorts: [UInt16]?

    /// The default body limit: 1 MiB.
    public static let defaultMaxBodyBytes = 1 << 20
    /// The default header limit: 16 KiB.
    public static let defaultMaxHeaderBytes = 16 << 10
    /// The default connection limit per server.
    public static let defaultMaxConnections = 256
    /// The default time an actor has to answer a request: 30 s.
    public static let defaultRequestTimeoutMs: UInt64 = 30_000
    /// The default WebSocket message limit: 1 MiB.
    public static let defaultMaxWebSocketMessageBytes = 1 << 20
    /// The hosts a server may bind when `allowed_hosts` is absent.
    public static let loopbackHosts = ["127.0.0.1", "localhost", "::1"]

    /// A configuration with the given values.
    public init(
        maxBodyBytes: Int = HTTPFrameworkConfig.defaultMaxBodyBytes,
        maxHeaderBytes: Int = HTTPFrameworkConfig.defaultMaxHeaderBytes,
        maxConnections: Int = HTTPFrameworkConfig.defaultMaxConnections,
        requestTimeoutMs: UInt64 = HTTPFrameworkConfig.defaultRequestTimeoutMs,
        maxWebSocketMessageBytes: Int = HTTPFrameworkConfig.defaultMaxWebSocketMessageBytes,
        allowedHosts: [String]? = nil, allowedPorts: [UInt16]? = nil
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxConnections = maxConnections
        self.requestTimeoutMs = requestTimeoutMs
        self.maxWebSocketMessageBytes = maxWebSocketMessageBytes
        self.allowedHosts = allowedHosts
        self.allowedPorts = allowedPorts
    }

    /// Whether a server may bind `host` (compared case-insensitively).
    public func permits(host: String) -> Bool {
        (allowedHosts ?? Self.loopbackHosts).contains { $0.caseInsensitiveCompare(host) == .orderedSame }
    }

    /// Whether a server may bind `port` (0: a free port chosen by the system).
    public func permits(port: UInt16) -> Bool {
        allowedPorts?.contains(port) ?? true
    }

    static let keys = [
        "max_body_bytes", "max_header_bytes", "max_connections", "request_timeout_ms",
        "max_websocket_message_bytes", "allowed_hosts", "allowed_ports",
    ]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let body = try settings.integer("max_body_bytes", in: 0...(1 << 32), unit: "bytes", example: "max_body_bytes = 1048576")
        let header = try settings.integer(
            "max_header_bytes", in: 256...(1 << 20), unit: "bytes", example: "max_header_bytes = 16384")
        let connections = try settings.integer("max_connections", in: 1...100_000, example: "max_connections = 256")
        let timeout = try settings.integer(
            "request_timeout_ms", in: 1...86_400_000, unit: "ms", example: "request_timeout_ms = 30000")
        let message = try settings.integer(
            "max_websocket_message_bytes", in: 1...(1 << 32), unit: "bytes", example: "max_websocket_message_bytes = 1048576")
        let hosts = try settings.stringArray("allowed_hosts", example: "allowed_hosts = [\"127.0.0.1\"]")
        var ports: [UInt16]?
        if let node = settings.take("allowed_ports") {
            guard case .array(let elements) = node.value else {
                throw settings.error(at: node, "expected an array of port numbers; write allowed_ports = [8080]")
            }
            ports = []
            for element in elements {
                let port = try settings.integerValue(of: element, in: 0...65535, unit: "", example: "allowed_ports = [8080]")
                ports?.append(UInt16(port))
            }
        }
        self.init(
            maxBodyBytes: body.map { Int($0) } ?? Self.defaultMaxBodyBytes,
            maxHeaderBytes: header.map { Int($0) } ?? Self.defaultMaxHeaderBytes,
            maxConnections: connections.map { Int($0) } ?? Self.defaultMaxConnections,
            requestTimeoutMs: timeout ?? Self.defaultRequestTimeoutMs,
            maxWebSocketMessageBytes: message.map { Int($0) } ?? Self.defaultMaxWebSocketMessageBytes,
            allowedHosts: hosts, allowedPorts: ports)
    }

    var canonicalSettings: [String: String] {
        var fields = [
            "max_body_bytes": CanonicalText.integer(maxBodyBytes),
            "max_header_bytes": CanonicalText.integer(maxHeaderBytes),
            "max_connections": CanonicalText.integer(maxConnections),
            "request_timeout_ms": CanonicalText.integer(requestTimeoutMs),
            "max_websocket_message_bytes": CanonicalText.integer(maxWebSocketMessageBytes),
        ]
        if let allowedHosts { fields["allowed_hosts"] = CanonicalText.strings(allowedHosts) }
        if let allowedPorts { fields["allowed_ports"] = "[" + allowedPorts.map { CanonicalText.integer(Int($0)) }.joined(separator: ",") + "]" }
        return fields
    }
}
