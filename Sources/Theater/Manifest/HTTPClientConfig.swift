import Foundation

/// Settings of the `http-client` handler. All are optional; with none, the actor may
/// send any request anywhere.
///
/// ```toml
/// [[handler]]
/// type = "http-client"
/// base_url = "https://api.example.com"          # relative request URIs resolve against it
/// timeout_ms = 5000                             # per request, all redirects included (default 30000)
/// headers = { "User-Agent" = "Theater/1.0" }    # added to every request that lacks them
/// allowed_hosts = ["api.example.com", "*.internal.org"]  # the only hosts reachable
/// max_response_bytes = 1048576                  # the largest body read (default 10 MiB)
/// max_redirects = 3                             # redirects followed (default 5; 0 = none)
/// ```
public struct HTTPClientConfig: Sendable, Equatable {
    /// The URL that relative request URIs resolve against, or nil.
    public var baseURL: String?
    /// The time limit of one request in milliseconds, or nil for the default
    /// (`defaultTimeoutMs`).
    public var timeoutMs: UInt64?
    /// Headers added to every request that does not set them itself.
    public var headers: [String: String]
    /// Host names the actor may reach (`*.example.com` matches subdomains), or nil for any.
    public var allowedHosts: [String]?
    /// The largest response body the handler reads; a longer one is an error.
    public var maxResponseBytes: UInt64
    /// How many redirects one request follows; 0 returns a redirect response as it is.
    public var maxRedirects: UInt32

    /// The time limit when `timeout_ms` is absent: 30 s.
    public static let defaultTimeoutMs: UInt64 = 30_000
    /// The default `maxResponseBytes`: 10 MiB.
    public static let defaultMaxResponseBytes: UInt64 = 10 << 20
    /// The default `maxRedirects`: 5.
    public static let defaultMaxRedirects: UInt32 = 5

    /// A configuration with the given values.
    public init(
        baseURL: String? = nil, timeoutMs: UInt64? = nil, headers: [String: String] = [:],
        allowedHosts: [String]? = nil, maxResponseBytes: UInt64 = HTTPClientConfig.defaultMaxResponseBytes,
        maxRedirects: UInt32 = HTTPClientConfig.defaultMaxRedirects
    ) {
        self.baseURL = baseURL
        self.timeoutMs = timeoutMs
        self.headers = headers
        self.allowedHosts = allowedHosts
        self.maxResponseBytes = maxResponseBytes
        self.maxRedirects = maxRedirects
    }

    /// The time limit of one request (all its redirects) in milliseconds.
    public var effectiveTimeoutMs: UInt64 { timeoutMs ?? Self.defaultTimeoutMs }

    /// Whether a request to `host` is allowed: any host when `allowedHosts` is nil;
    /// otherwise as `HostAllowList` decides (exact names ignoring case and a trailing
    /// dot, `*.example.com` for subdomains, IP literals only when listed literally).
    public func permits(host: String) -> Bool {
        guard let allowedHosts else { return true }
        return HostAllowList(allowedHosts).permits(host: host)
    }

    static let keys = ["base_url", "timeout_ms", "headers", "allowed_hosts", "max_response_bytes", "max_redirects"]

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
        let maxResponseBytes = try settings.integer(
            "max_response_bytes", in: 1...UInt64(Int64.max), unit: "bytes", example: "max_response_bytes = 1048576")
        let maxRedirects = try settings.integer(
            "max_redirects", in: 0...100, example: "max_redirects = 5")
        self.init(baseURL: baseURL, timeoutMs: timeout, headers: headers, allowedHosts: hosts,
                  maxResponseBytes: maxResponseBytes ?? Self.defaultMaxResponseBytes,
                  maxRedirects: maxRedirects.map { UInt32($0) } ?? Self.defaultMaxRedirects)
    }

    /// The characters of an HTTP token (RFC 9110), which header names are made of.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        if byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A {
            return true
        }
        return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }

    var canonicalSettings: [String: String] {
        var fields = [
            "max_response_bytes": CanonicalText.integer(maxResponseBytes),
            "max_redirects": CanonicalText.integer(maxRedirects),
        ]
        if let baseURL { fields["base_url"] = CanonicalText.string(baseURL) }
        if let timeoutMs { fields["timeout_ms"] = CanonicalText.integer(timeoutMs) }
        if !headers.isEmpty { fields["headers"] = CanonicalText.stringMap(headers) }
        if let allowedHosts { fields["allowed_hosts"] = CanonicalText.strings(allowedHosts) }
        return fields
    }
}
