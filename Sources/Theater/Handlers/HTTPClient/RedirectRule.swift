import Foundation

/// How the handler follows a redirect, as browsers do: 301, 302, 303, 307 and 308 with a
/// `Location` are redirects; 303 (and 301 or 302 after a POST) continue as a GET without
/// a body; 307 and 308 keep the method and body.
enum RedirectRule {
    /// The statuses that redirect.
    static let statuses: Set<UInt16> = [301, 302, 303, 307, 308]

    /// Whether `status` with `location` is a redirect to follow.
    static func isRedirect(status: UInt16, location: String?) -> Bool {
        statuses.contains(status) && !(location ?? "").isEmpty
    }

    /// The absolute URL a `Location` value points to, resolved against the URL of the
    /// response that carried it.
    static func resolve(location: String, from url: String) throws(SendHTTPError) -> String {
        guard let base = URL(string: url), let resolved = URL(string: location, relativeTo: base)?.absoluteURL else {
            throw .redirectRefused(location: location, reason: .invalidURI(location, problem: "it cannot be parsed"))
        }
        return resolved.absoluteString
    }

    /// The request of the next hop after a `status` redirect from `from` to `to`.
    ///
    /// - A switch to GET drops the body and the headers that describe it.
    /// - The `Host` header is dropped on every hop: the client sets it for the new URL.
    /// - Credentials (`Authorization`, `Cookie`, `Proxy-Authorization`) stay within one
    ///   origin, so a redirect cannot carry them to another server.
    static func nextRequest(after status: UInt16, _ request: OutgoingRequest,
                            from: RequestTarget, to: RequestTarget) -> OutgoingRequest {
        var next = request
        let method = request.method.uppercased()
        if status == 303 && method != "GET" && method != "HEAD" || (status == 301 || status == 302) && method == "POST" {
            next.method = "GET"
            next.body = nil
            for name in ["Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding"] { next.remove(name) }
        }
        next.remove("Host")
        if !from.sameOrigin(as: to) {
            for name in ["Authorization", "Cookie", "Proxy-Authorization"] { next.remove(name) }
        }
        return next
    }
}
