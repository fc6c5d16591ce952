import AsyncHTTPClient
import Foundation

/// Where one hop of a `send-http` request goes, checked before anything is sent.
///
/// The host is the one AsyncHTTPClient itself parses from the URL and connects to (its
/// `HTTPClient.Request` runs the same parser as the request that is then executed), so
/// the allow-list check and the connection cannot disagree about which host a tricky
/// URL names.
struct RequestTarget: Equatable {
    /// The absolute http or https URL.
    let url: String
    /// The host the client connects to (IPv6 without brackets).
    let host: String
    /// The port the client connects to (the scheme's default when the URL has none).
    let port: Int
    /// `http` or `https`.
    let scheme: String

    /// The absolute URL of `uri`: `uri` itself when it has a scheme, otherwise resolved
    /// against `baseURL`.
    static func absoluteURL(of uri: String, baseURL: String?) throws(SendHTTPError) -> String {
        guard !uri.isEmpty else { throw .missingURI }
        if let url = URL(string: uri), url.scheme != nil { return uri }
        guard let baseURL else { throw .relativeURIWithoutBase(uri) }
        guard let base = URL(string: baseURL), let resolved = URL(string: uri, relativeTo: base)?.absoluteURL else {
            throw .invalidURI(uri, problem: "it does not resolve against base_url \(baseURL)")
        }
        return resolved.absoluteString
    }

    /// Checks that `url` is an absolute http or https URL without user-info whose host
    /// `allowList` permits (nil: any host).
    init(checking url: String, allowList: HostAllowList?) throws(SendHTTPError) {
        guard let parsed = URL(string: url) else {
            throw .invalidURI(url, problem: "it cannot be parsed (spaces and other special characters must be percent-encoded)")
        }
        guard let scheme = parsed.scheme?.lowercased() else { throw .relativeURIWithoutBase(url) }
        // AsyncHTTPClient also accepts unix, http+unix and https+unix, which reach local
        // sockets by path; only the two network schemes may pass.
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(parsed.scheme ?? scheme, uri: url) }
        guard parsed.user == nil, parsed.password == nil, !Self.authorityHasUserInfo(url) else {
            throw .userInfoInURL(url)
        }
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: url)
        } catch {
            throw .invalidURI(url, problem: "\(error)")
        }
        guard !request.host.isEmpty else { throw .invalidURI(url, problem: "it names no host") }
        if let allowList, !allowList.permits(host: request.host) {
            throw .hostNotAllowed(host: request.host)
        }
        self.url = url
        self.host = request.host
        self.port = request.port
        self.scheme = scheme
    }

    /// Whether the authority part of `url` (between `//` and the path) holds an `@`:
    /// a user name, even an empty one, that Foundation may not report.
    private static func authorityHasUserInfo(_ url: String) -> Bool {
        guard let start = url.range(of: "//") else { return false }
        let authority = url[start.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.contains("@")
    }

    /// Whether `other` is the same origin (scheme, host and port): credentials travel
    /// only within one origin across redirects.
    func sameOrigin(as other: RequestTarget) -> Bool {
        scheme == other.scheme && HostAllowList.normalized(host) == HostAllowList.normalized(other.host)
            && port == other.port
    }
}
