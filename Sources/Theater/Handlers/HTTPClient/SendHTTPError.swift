/// Why `send-http` refused or failed a request. The actor receives `message` as the
/// `err` of its call (and the chain records it), so each one says what was wrong and
/// where, in words the actor's author can act on.
enum SendHTTPError: Error, Equatable {
    /// The request's `uri` is empty.
    case missingURI
    /// The method is empty or holds characters other than an HTTP token's.
    case invalidMethod(String)
    /// `CONNECT` asks for a tunnel, which the handler does not open.
    case unsupportedMethod(String)
    /// A header name is empty or holds characters other than an HTTP token's.
    case invalidHeaderName(String)
    /// A header value holds a line break or another control character.
    case invalidHeaderValue(name: String, problem: String)
    /// A relative URI with no `base_url` to resolve it against.
    case relativeURIWithoutBase(String)
    /// The URI (after resolving) is not a URL the client can parse.
    case invalidURI(String, problem: String)
    /// A scheme other than http and https (`file`, `unix`, `http+unix`, ...).
    case unsupportedScheme(String, uri: String)
    /// The URL names a user (`http://user@host/`), which could disguise the host.
    case userInfoInURL(String)
    /// The host the client would connect to is not in `allowed_hosts`.
    case hostNotAllowed(host: String)
    /// The actor's `Host` header names another host than the URL's.
    case hostHeaderMismatch(header: String, host: String)
    /// A redirect led somewhere the request may not go.
    indirect case redirectRefused(location: String, reason: SendHTTPError)
    /// More redirects than `max_redirects`.
    case tooManyRedirects(limit: UInt32, location: String)
    /// The request (all hops) did not finish within `timeout_ms`.
    case timedOut(limitMs: UInt64)
    /// The response body is longer than `max_response_bytes`.
    case responseTooLarge(limit: UInt64, declaredLength: UInt64?)
    /// The connection or the exchange failed (refused, reset, TLS, malformed response).
    case transport(url: String, problem: String)

    /// The message the actor receives.
    var message: String {
        switch self {
        case .missingURI:
            return "the request has no uri; give an absolute http or https URL (or a path when base_url is set)"
        case .invalidMethod(let method):
            return "\(Self.quoted(method)) is not a valid HTTP method (letters, digits and !#$%&'*+-.^_`|~ only, e.g. GET)"
        case .unsupportedMethod(let method):
            return "the method \(method) is not supported by http-client"
        case .invalidHeaderName(let name):
            return "\(Self.quoted(name)) is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"
        case .invalidHeaderValue(let name, let problem):
            return "the value of header \(Self.quoted(name)) \(problem)"
        case .relativeURIWithoutBase(let uri):
            return "\(Self.quoted(uri)) is not an absolute URL and the handler has no base_url to resolve it against"
        case .invalidURI(let uri, let problem):
            return "\(Self.quoted(uri)) is not a valid URL: \(problem)"
        case .unsupportedScheme(let scheme, let uri):
            return "the scheme \(Self.quoted(scheme)) of \(Self.quoted(uri)) is not allowed; only http and https URLs can be sent"
        case .userInfoInURL(let uri):
            return "\(Self.quoted(uri)) has a user name or password before the host, which is not allowed; "
                + "send credentials in an Authorization header"
        case .hostNotAllowed(let host):
            return "the host \(Self.quoted(host)) is not in allowed_hosts"
        case .hostHeaderMismatch(let header, let host):
            return "the Host header names \(Self.quoted(header)) but the request goes to \(Self.quoted(host))"
        case .redirectRefused(let location, let reason):
            return "redirect to \(Self.quoted(location)) refused: \(reason.message)"
        case .tooManyRedirects(let limit, let location):
            return "stopped after \(limit) redirects (max_redirects); the next one went to \(Self.quoted(location))"
        case .timedOut(let limit):
            return "the request did not complete within timeout_ms (\(limit) ms)"
        case .responseTooLarge(let limit, let declared):
            let size = declared.map { " (Content-Length \($0))" } ?? ""
            return "the response body\(size) exceeds max_response_bytes (\(limit) bytes)"
        case .transport(let url, let problem):
            return "the request to \(Self.quoted(url)) failed: \(problem)"
        }
    }

    /// The handler's error as the actor receives it.
    var hostFunctionError: HostFunctionError { HostFunctionError(message) }

    private static func quoted(_ text: String) -> String {
        ManifestNode.quoted(String(text.prefix(300)))
    }
}
