import AsyncHTTPClient

/// The one AsyncHTTPClient `HTTPClient` every `http-client` handler of the process uses:
/// its connection pool is shared, it runs on AsyncHTTPClient's default event loop group
/// (a process-wide singleton), and it is never shut down (so no call ever finds it closed).
///
/// It follows no redirects itself: `RedirectingFetch` follows them, checking each hop's
/// host against the actor's allow list first.
enum SharedHTTPClient {
    /// The shared client.
    static let client: HTTPClient = {
        let configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
