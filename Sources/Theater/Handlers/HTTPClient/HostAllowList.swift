/// The hosts an `http-client` actor may reach: the manifest's `allowed_hosts`.
///
/// Matching rules, chosen so that one spelling of a host cannot slip past another:
/// - names compare ignoring case and a trailing dot (`API.example.com.` is `api.example.com`);
/// - `*.example.com` matches any subdomain (`a.example.com`, `a.b.example.com`) but not
///   `example.com` itself, which must be listed on its own;
/// - an IP literal (`127.0.0.1`, `::1`, and numeric forms a resolver would read as an
///   address, such as `2130706433` or `0x7f.1`) matches only an entry that is the same
///   literal: a wildcard never matches an address. IPv6 entries may be written with or
///   without brackets.
public struct HostAllowList: Sendable, Equatable {
    /// The entries as written in the manifest.
    public let entries: [String]

    /// An allow list of `entries` (`api.example.com`, `*.internal.org`, `10.0.0.5`).
    public init(_ entries: [String]) {
        self.entries = entries
    }

    /// Whether `host` (as the HTTP client will connect to it) is allowed.
    public func permits(host: String) -> Bool {
        let host = Self.normalized(host)
        guard !host.isEmpty else { return false }
        let isAddress = Self.isIPLiteral(host)
        return entries.contains { entry in
            let pattern = Self.normalized(entry)
            if pattern.hasPrefix("*.") {
                let suffix = pattern.dropFirst()  // ".example.com"
                return !isAddress && suffix.count > 1 && host.hasSuffix(suffix)
            }
            return host == pattern
        }
    }

    /// `host` lowercased, without IPv6 brackets and without one trailing dot.
    static func normalized(_ host: String) -> String {
        var text = host.lowercased()
        if text.hasPrefix("[") && text.hasSuffix("]") && text.count >= 2 {
            text = String(text.dropFirst().dropLast())
        }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Whether a (normalized) host is an address rather than a name: IPv6 (it has a
    /// colon), or its last label is numeric, decimal or `0x` hex, as the classic
    /// `inet_aton` forms are. No top-level domain starts that way, so no name is lost.
    static func isIPLiteral(_ host: String) -> Bool {
        if host.contains(":") { return true }
        guard let last = host.split(separator: ".", omittingEmptySubsequences: false).last, !last.isEmpty else {
            return false
        }
        if last.allSatisfy(\.isASCIIDigit) { return true }
        return last.hasPrefix("0x") && last.dropFirst(2).allSatisfy(\.isHexDigit)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
