import Foundation

/// Where a `theater server` listens and its clients connect: a host (an IPv4 address, an
/// IPv6 address, or a name) and a TCP port. Written `HOST:PORT`, with IPv6 in brackets:
/// `127.0.0.1:9000`, `[::1]:9000`, `localhost:9000`.
public struct ServerAddress: Equatable, Sendable, CustomStringConvertible {
    /// The host as written (without brackets for IPv6).
    public let host: String
    /// The TCP port (1...65535).
    public let port: Int

    /// The server's default address: loopback, port 9000.
    public static let standard = ServerAddress(host: "127.0.0.1", port: 9000)

    /// An address with the given parts (not checked: use `parse` for text from users).
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`, brackets around an IPv6 host.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Reads `HOST:PORT` (or `[IPV6]:PORT`); `source` names where the text came from, for
    /// the error (e.g. "--address", "THEATER_SERVER_ADDRESS").
    public static func parse(_ text: String, source: String) throws(ServerAddressError) -> ServerAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let host: Substring
        let portText: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else {
                throw ServerAddressError(source: source, text: text, reason: "an IPv6 host needs its closing ]")
            }
            host = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.hasPrefix(":") else {
                throw ServerAddressError(source: source, text: text, reason: "expected :PORT after the ]")
            }
            portText = rest.dropFirst()
            guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw ServerAddressError(source: source, text: text, reason: "\(host) in brackets is not an IPv6 address")
            }
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else {
                throw ServerAddressError(source: source, text: text, reason: "expected HOST:PORT, e.g. 127.0.0.1:9000")
            }
            host = trimmed[..<colon]
            portText = trimmed[trimmed.index(after: colon)...]
            if host.contains(":") {
                throw ServerAddressError(source: source, text: text, reason: "write an IPv6 host in brackets: [::1]:9000")
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
                throw ServerAddressError(source: source, text: text,
                                         reason: "the host must be an IP address or a name of letters, digits, - and .")
            }
        }
        guard portText.count <= 5, let port = Int(portText), (1...65535).contains(port) else {
            throw ServerAddressError(source: source, text: text, reason: "the port must be a number from 1 to 65535")
        }
        return ServerAddress(host: String(host), port: port)
    }
}

/// An address that could not be read: where it came from, the text, and why.
public struct ServerAddressError: Error, Equatable, CustomStringConvertible {
    public let source: String
    public let text: String
    public let reason: String

    public var description: String { "\(source): \"\(text)\" is not a server address: \(reason)" }
}
