import Foundation

/// Settings of the `http-client` handler. All are optional; with none, the actor may
/// send any request anywhere.
///
/// ```toml
/// [[handler]]
/// type = "http-client"
/// base_url = "https://api.example.com"          # relative request URIs resolve against it
/// timeout_ms = 5000                             # per request
/// headers = { "User-Agent" = "Theater/1.0" }    # added to every request that lacks them
/// allowed_hosts = ["api.example.com", "*.internal.org"]  # the only hosts reachable
/// ```
public struct HTTPClientConfig: Sendable, Equatable {
    /// The URL that relative request URIs resolve against, or nil.
    public var baseURL: String?
    /// The time limit of one request in milliseconds, or nil for the runtime's default.
    public var timeoutMs: UInt64?
    /// Headers added to every request that does not set them itself.
    public var headers: [String: String]
    /// Host names the actor may reach (`*.example.com` matches subdomains), or nil for any.
    public var allowedHosts: [String]?

    /// A configuration with the given values.
    public init(
        baseURL: String? = nil, timeoutMs: UInt64? = nil, headers: [String: String] = [:],
        allowedHosts: [String]? = nil
    ) {
        self.baseURL = baseURL
        self.timeoutMs = timeoutMs
        self.headers = headers
        self.allowedHosts = allowedHosts
    }

    /// Whether a request to `host` is allowed: any host when `allowedHosts` is nil;
    /// otherwise an exact (case-insensitive) match or, for `*.example.com`, any
    /// subdomain of example.com.
    public func permits(host: String) -> Bool {
        guard let allowedHosts else { return true }
        let host = host.lowercased()
        return allowedHosts.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern.hasPrefix("*.") { return host.hasSuffix(String(pattern.dropFirst())) }
            return host == pattern
        }
    }

    static let keys = ["base_url", "timeout_ms", "headers", "allowed_hosts"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let baseURL = try settings.nonEmptyString("base_url", example: "base_url = \"https://api.example.com\"")
        if let baseURL, let node = settings.take("base_url") {
            guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else {
                throw settings.error(at: node, "\(ManifestNode.quoted(baseURL)) is not an http or https URL; write base_url = \"https://api.example.com\"")
            }
        }
        let timeout = try settings.integer(
            "timeout_ms", in: 1...UInt64(Int64.max), unit: "ms", example: "timeout_ms = 5000")
        let headers = try settings.stringTable("headers", example: "headers = { \"User-Agent\" = \"Theater/1.0\" }") ?? [:]
        if let node = settings.take("headers") {
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
                let entry = node.tableEntries?.first { $0.key == name }?.node ?? node
                guard !name.isEmpty, name.utf8.allSatisfy(HTTPClientConfig.isTokenByte) else {
                    throw settings.error(at: entry, "\(ManifestNode.quoted(name)) is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)")
                }
                guard !value.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                    throw settings.error(at: entry, "a header value must not contain a line break")
                }
            }
        }
        let hosts = try settings.stringArray("allowed_hosts", example: "allowed_hosts = [\"api.example.com\"]")
        self.init(baseURL: baseURL, timeoutMs: timeout, headers: headers, allowedHosts: hosts)
    }

    /// The characters of an HTTP token (RFC 9110), which header names are made of.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        if byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A {
            return true
        }
        return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }

    var canonicalSettings: [String: String] {
        var fields: [String: String] = [:]
        if let baseURL { fields["base_url"] = CanonicalText.string(baseURL) }
        if let timeoutMs { fields["timeout_ms"] = CanonicalText.integer(timeoutMs) }
        if !headers.isEmpty { fields["headers"] = CanonicalText.stringMap(headers) }
        if let allowedHosts { fields["allowed_hosts"] = CanonicalText.strings(allowedHosts) }
        return fields
    }
}
