/// A `send-http` request after its checks: a valid method, headers that cannot smuggle
/// anything (no line breaks or other control characters), the handler's default headers
/// added where the actor did not set them, and the body.
struct OutgoingRequest: Equatable {
    /// The method, as the actor wrote it.
    var method: String
    /// The headers in order: the actor's, then the defaults it did not set.
    var headers: [HTTPHeader]
    /// The body, if any.
    var body: [UInt8]?

    /// One header line.
    struct HTTPHeader: Equatable {
        let name: String
        let value: String
    }

    /// Checks `request`'s method and headers and adds `defaults` (sorted by name, so the
    /// order does not depend on a dictionary's) for names the actor did not set.
    init(_ request: HTTPRequestValue, defaults: [String: String]) throws(SendHTTPError) {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(Self.isTokenByte) else {
            throw .invalidMethod(request.method)
        }
        guard request.method.uppercased() != "CONNECT" else { throw .unsupportedMethod(request.method) }
        var headers: [HTTPHeader] = []
        for (name, value) in request.headers {
            try Self.check(name: name, value: value)
            headers.append(HTTPHeader(name: name, value: value))
        }
        for (name, value) in defaults.sorted(by: { $0.key < $1.key })
        where !headers.contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            try Self.check(name: name, value: value)
            headers.append(HTTPHeader(name: name, value: value))
        }
        self.method = request.method
        self.headers = headers
        self.body = request.body
    }

    /// Refuses a `Host` header that names another host (or port) than `target`'s: the
    /// allow list checked the URL's host, and a server that routes by `Host` must not be
    /// told a different one.
    func checkHostHeader(against target: RequestTarget) throws(SendHTTPError) {
        for header in headers where header.name.caseInsensitiveCompare("Host") == .orderedSame {
            guard let (host, port) = Self.split(hostHeader: header.value),
                HostAllowList.normalized(host) == HostAllowList.normalized(target.host),
                port == nil || port == target.port
            else {
                throw .hostHeaderMismatch(header: header.value, host: target.host)
            }
        }
    }

    /// Removes every header named `name` (case-insensitive).
    mutating func remove(_ name: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The host and optional port of a `Host` header value (`example.com`,
    /// `example.com:8080`, `[::1]:8080`), or nil when it is not of that form.
    static func split(hostHeader value: String) -> (host: String, port: Int?)? {
        let text = value.trimmingWhitespace
        var host = Substring(text), portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: { $0 == "@" || $0 == "/" || $0 == " " }) else { return nil }
        guard let portText else { return (String(host), nil) }
        guard let port = Int(portText), (0...65535).contains(port) else { return nil }
        return (String(host), port)
    }

    private static func check(name: String, value: String) throws(SendHTTPError) {
        guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else { throw .invalidHeaderName(name) }
        for byte in value.utf8 {
            if byte == 0x0D || byte == 0x0A {
                throw .invalidHeaderValue(name: name, problem: "contains a line break (CR or LF), which would start another header")
            }
            if byte < 0x20 && byte != 0x09 || byte == 0x7F {
                throw .invalidHeaderValue(name: name, problem: "contains the control character 0x\(String(byte, radix: 16, uppercase: true))")
            }
        }
    }

    /// The characters of an HTTP token (RFC 9110): methods and header names.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        if byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A {
            return true
        }
        return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
