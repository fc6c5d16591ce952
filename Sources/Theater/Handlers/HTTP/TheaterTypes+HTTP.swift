import ComponentModel

/// The WIT types of `http-types` and `websocket-types` (INTERFACES.md) as Canonical ABI
/// types, shared by the `http-client` and `http-framework` handlers and the
/// `http-handlers` exports.
extension TheaterTypes {
    /// `list<tuple<string, string>>`: HTTP headers, in order, repeats allowed.
    static let httpHeaders = ABIType.list(.tuple([.string, .string]))

    /// `http-request { method, uri, headers, body }`.
    static let httpRequest = ABIType.record([
        ABIField("method", .string), ABIField("uri", .string), ABIField("headers", httpHeaders),
        ABIField("body", .option(bytes)),
    ])

    /// `http-response { status, headers, body }`.
    static let httpResponse = ABIType.record([
        ABIField("status", .u16), ABIField("headers", httpHeaders), ABIField("body", .option(bytes)),
    ])

    /// `tls-config { cert-path, key-path }`.
    static let tlsConfig = ABIType.record([ABIField("cert-path", .string), ABIField("key-path", .string)])

    /// `server-config { port, host, tls-config }`.
    static let serverConfig = ABIType.record([
        ABIField("port", .option(.u16)), ABIField("host", .option(.string)), ABIField("tls-config", .option(tlsConfig)),
    ])

    /// `server-info { id, port, host, running, routes-count, middleware-count, websocket-enabled }`.
    static let serverInfo = ABIType.record([
        ABIField("id", .u64), ABIField("port", .u16), ABIField("host", .string), ABIField("running", .bool),
        ABIField("routes-count", .u32), ABIField("middleware-count", .u32), ABIField("websocket-enabled", .bool),
    ])

    /// `middleware-result { proceed, request }`.
    static let middlewareResult = ABIType.record([ABIField("proceed", .bool), ABIField("request", httpRequest)])

    /// `message-type = variant { text, binary, connect, close, ping, pong, other(string) }`.
    static let webSocketMessageType = ABIType.variant([
        ABICase("text"), ABICase("binary"), ABICase("connect"), ABICase("close"), ABICase("ping"),
        ABICase("pong"), ABICase("other", .string),
    ])

    /// `websocket-message { ty, data, text }`.
    static let webSocketMessage = ABIType.record([
        ABIField("ty", webSocketMessageType), ABIField("data", .option(bytes)), ABIField("text", .option(.string)),
    ])
}
