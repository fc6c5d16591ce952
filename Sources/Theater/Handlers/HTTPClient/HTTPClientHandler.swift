import ComponentModel

/// `ntwk:theater/http-client`: `send-http(req) -> result<http-response, string>`, outgoing
/// HTTP requests limited by the manifest's `http-client` settings (`HTTPClientConfig`):
/// allowed hosts (checked on every redirect hop), default headers, a time limit for the
/// whole exchange and a size limit for the body.
///
/// Every call is recorded with its request and its outcome (the response or the error
/// text), so a replay answers from the chain and needs no network.
enum HTTPClientHandler {
    /// The interface for the actor of `context`, sending through the process-wide client.
    static func interface(_ context: ActorContext, config: HTTPClientConfig) -> GrantedInterface {
        let fetch = RedirectingFetch(client: SharedHTTPClient.client, config: config)
        var http = RecordedInterface("http-client", recorder: context.recorder)
        http.asyncFunction("send-http", [TheaterTypes.httpRequest], TheaterTypes.result(TheaterTypes.httpResponse)) { arguments in
            let request = try HTTPRequestValue(arguments[0])
            // A stop or the call's deadline cancels the exchange (it traps; nothing is answered).
            let outcome = try await context.interruptible { try await fetch.send(request) }
            switch outcome {
            case .success(let response): return .outcome(.success(response.componentValue))
            case .failure(let error): return .outcome(.failure(error.hostFunctionError))
            }
        }
        return http.granted
    }
}
