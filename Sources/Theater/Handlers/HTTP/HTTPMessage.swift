import ComponentModel

/// An HTTP request as actors see it (`http-types.http-request`): what an actor sends
/// through `http-client`, and what `http-framework` hands to `handle-request`.
public struct HTTPRequestValue: Sendable, Equatable {
    /// The method, as written (`GET`, `POST`, ...).
    public var method: String
    /// The target: an absolute URL for the client; the path and query for the framework.
    public var uri: String
    /// The headers in order; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body, if any.
    public var body: [UInt8]?

    /// A request with the given parts.
    public init(method: String, uri: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// Reads an `http-request` record; traps (an actor bug) on any other shape.
    init(_ value: ComponentValue) throws {
        let fields = try HTTPValueFields(value, "http-request")
        method = try fields.string("method")
        uri = try fields.string("uri")
        headers = try fields.headers("headers")
        body = try fields.optionalBytes("body")
    }

    /// The `http-request` record.
    var componentValue: ComponentValue {
        .record([
            ComponentField("method", .string(method)), ComponentField("uri", .string(uri)),
            ComponentField("headers", HTTPValueFields.headersValue(headers)),
            ComponentField("body", .option(body.map { .bytes($0) })),
        ])
    }

    /// The first value of header `name` (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: HTTPRequestValue, rhs: HTTPRequestValue) -> Bool {
        lhs.method == rhs.method && lhs.uri == rhs.uri && lhs.body == rhs.body
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// An HTTP response as actors see it (`http-types.http-response`).
public struct HTTPResponseValue: Sendable, Equatable {
    /// The status code.
    public var status: UInt16
    /// The headers in order; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body, if any.
    public var body: [UInt8]?

    /// A response with the given parts.
    public init(status: UInt16, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Reads an `http-response` record; traps (an actor bug) on any other shape.
    init(_ value: ComponentValue) throws {
        let fields = try HTTPValueFields(value, "http-response")
        guard case .u16(let status) = try fields.field("status") else {
            throw ComponentTrap("http-response.status is not a u16")
        }
        self.status = status
        headers = try fields.headers("headers")
        body = try fields.optionalBytes("body")
    }

    /// The `http-response` record.
    var componentValue: ComponentValue {
        .record([
            ComponentField("status", .u16(status)),
            ComponentField("headers", HTTPValueFields.headersValue(headers)),
            ComponentField("body", .option(body.map { .bytes($0) })),
        ])
    }

    /// The first value of header `name` (case-insensitive), if any.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: HTTPResponseValue, rhs: HTTPResponseValue) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A WebSocket message as actors see it (`websocket-types.websocket-message`).
public struct WebSocketMessageValue: Sendable, Equatable {
    /// The kind of message (`message-type`).
    public enum Kind: Sendable, Equatable {
        case text, binary, connect, close, ping, pong
        case other(String)
    }

    /// What kind of message this is.
    public var kind: Kind
    /// The payload of binary (and ping, pong, close) messages.
    public var data: [UInt8]?
    /// The payload of text messages.
    public var text: String?

    /// A message with the given parts.
    public init(kind: Kind, data: [UInt8]? = nil, text: String? = nil) {
        self.kind = kind
        self.data = data
        self.text = text
    }

    /// Reads a `websocket-message` record; traps (an actor bug) on any other shape.
    init(_ value: ComponentValue) throws {
        let fields = try HTTPValueFields(value, "websocket-message")
        guard case .variant(let caseName, let payload) = try fields.field("ty") else {
            throw ComponentTrap("websocket-message.ty is not a message-type")
        }
        switch caseName {
        case "text": kind = .text
        case "binary": kind = .binary
        case "connect": kind = .connect
        case "close": kind = .close
        case "ping": kind = .ping
        case "pong": kind = .pong
        case "other":
            guard case .string(let name)? = payload else { throw ComponentTrap("message-type.other carries no string") }
            kind = .other(name)
        default: throw ComponentTrap("unknown message-type case \(caseName)")
        }
        data = try fields.optionalBytes("data")
        guard case .option(let text) = try fields.field("text") else {
            throw ComponentTrap("websocket-message.text is not an option")
        }
        self.text = try text.map { try $0.stringArgument() }
    }

    /// The `websocket-message` record.
    var componentValue: ComponentValue {
        let type: ComponentValue
        switch kind {
        case .text: type = .variant(caseName: "text", payload: nil)
        case .binary: type = .variant(caseName: "binary", payload: nil)
        case .connect: type = .variant(caseName: "connect", payload: nil)
        case .close: type = .variant(caseName: "close", payload: nil)
        case .ping: type = .variant(caseName: "ping", payload: nil)
        case .pong: type = .variant(caseName: "pong", payload: nil)
        case .other(let name): type = .variant(caseName: "other", payload: .string(name))
        }
        return .record([
            ComponentField("ty", type), ComponentField("data", .option(data.map { .bytes($0) })),
            ComponentField("text", .option(text.map { .string($0) })),
        ])
    }
}

/// Reads the fields of one of the HTTP records by label, with traps that name the record.
struct HTTPValueFields {
    private let record: String
    private let fields: [ComponentField]

    init(_ value: ComponentValue, _ record: String) throws {
        guard case .record(let fields) = value else { throw ComponentTrap("expected an \(record) record") }
        self.record = record
        self.fields = fields
    }

    func field(_ label: String) throws -> ComponentValue {
        guard let field = fields.first(where: { $0.label == label }) else {
            throw ComponentTrap("\(record) has no field \(label)")
        }
        return field.value
    }

    func string(_ label: String) throws -> String { try field(label).stringArgument() }

    func optionalBytes(_ label: String) throws -> [UInt8]? { try field(label).optionalBytesArgument() }

    func headers(_ label: String) throws -> [(name: String, value: String)] {
        guard case .list(let entries) = try field(label) else { throw ComponentTrap("\(record).\(label) is not a list") }
        return try entries.map { entry in
            guard case .tuple(let pair) = entry, pair.count == 2 else {
                throw ComponentTrap("\(record).\(label) holds something other than (name, value) pairs")
            }
            return (try pair[0].stringArgument(), try pair[1].stringArgument())
        }
    }

    static func headersValue(_ headers: [(name: String, value: String)]) -> ComponentValue {
        .list(headers.map { .tuple([.string($0.name), .string($0.value)]) })
    }
}
