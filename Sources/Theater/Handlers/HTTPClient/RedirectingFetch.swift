import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Performs one `send-http` request: checks it, sends it, follows redirects itself (each
/// hop's host checked against the allow list before anything is sent to it), and reads
/// the response body up to the size limit, all within the time limit.
///
/// A successful response always has a body: `some([])` when the server sent none, so an
/// actor tells "empty" from "absent" by the length alone (HEAD, 204 and 304 included).
struct RedirectingFetch: Sendable {
    /// The client that sends (the process-wide one, which follows no redirects itself).
    let client: HTTPClient
    /// The handler's settings.
    let config: HTTPClientConfig

    /// The longest wait this type can express: 100 days, far beyond any useful timeout,
    /// and safely inside the nanosecond arithmetic of `Task.sleep` and NIO's deadlines.
    private static let longestWaitMs: UInt64 = 100 * 24 * 3600 * 1000

    /// Sends `request`; the outcome is the response or why there is none. Throws only
    /// `CancellationError` (the actor is stopping, or the call's deadline passed).
    func send(_ request: HTTPRequestValue) async throws -> Result<HTTPResponseValue, SendHTTPError> {
        let limit = config.effectiveTimeoutMs
        let wait = min(limit, Self.longestWaitMs)
        let deadline = NIODeadline.now() + .milliseconds(Int64(wait))
        typealias Outcome = Result<HTTPResponseValue, SendHTTPError>
        let outcome = try await withThrowingTaskGroup(of: Outcome.self, returning: Outcome.self) { group in
            group.addTask {
                do {
                    return .success(try await self.follow(request, deadline: deadline))
                } catch let error as SendHTTPError {
                    return .failure(error)
                }
            }
            // The whole exchange, redirects and body included, must fit the limit; the
            // client's own deadline covers only part of it.
            group.addTask {
                try await Task.sleep(nanoseconds: wait * 1_000_000)
                return .failure(.timedOut(limitMs: limit))
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return Outcome.failure(.timedOut(limitMs: limit)) }
            return first
        }
        try Task.checkCancellation()
        return outcome
    }

    private func follow(_ value: HTTPRequestValue, deadline: NIODeadline) async throws -> HTTPResponseValue {
        let allowList = config.allowedHosts.map(HostAllowList.init)
        var request = try OutgoingRequest(value, defaults: config.headers)
        var target = try RequestTarget(
            checking: RequestTarget.absoluteURL(of: value.uri, baseURL: config.baseURL), allowList: allowList)
        try request.checkHostHeader(against: target)
        var redirects: UInt32 = 0
        while true {
            let response = try await execute(request, to: target, deadline: deadline)
            let status = UInt16(clamping: response.status.code)
            let location = response.headers.first(name: "location")
            guard config.maxRedirects > 0, RedirectRule.isRedirect(status: status, location: location), let location else {
                return try await collect(response, from: target)
            }
            // The redirect's own body is dropped unread: AsyncHTTPClient then abandons it.
            let nextURL = try RedirectRule.resolve(location: location, from: target.url)
            guard redirects < config.maxRedirects else {
                throw SendHTTPError.tooManyRedirects(limit: config.maxRedirects, location: nextURL)
            }
            let next: RequestTarget
            do {
                next = try RequestTarget(checking: nextURL, allowList: allowList)
            } catch {
                throw SendHTTPError.redirectRefused(location: nextURL, reason: error)
            }
            request = RedirectRule.nextRequest(after: status, request, from: target, to: next)
            target = next
            redirects += 1
        }
    }

    private func execute(_ request: OutgoingRequest, to target: RequestTarget,
                         deadline: NIODeadline) async throws -> HTTPClientResponse {
        var outgoing = HTTPClientRequest(url: target.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            return try await client.execute(outgoing, deadline: deadline)
        } catch {
            throw failure(error, url: target.url)
        }
    }

    /// The body of `response`, refused past `max_response_bytes`: first by its declared
    /// length, then while reading (a chunked or lying server is cut off at the limit).
    private func collect(_ response: HTTPClientResponse, from target: RequestTarget) async throws -> HTTPResponseValue {
        let limit = config.maxResponseBytes
        if let declared = response.headers.first(name: "content-length").flatMap({ UInt64($0) }), declared > limit {
            throw SendHTTPError.responseTooLarge(limit: limit, declaredLength: declared)
        }
        var body: [UInt8] = []
        do {
            for try await chunk in response.body {
                guard UInt64(body.count) + UInt64(chunk.readableBytes) <= limit else {
                    throw SendHTTPError.responseTooLarge(limit: limit, declaredLength: nil)
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as SendHTTPError {
            throw error
        } catch {
            throw failure(error, url: target.url)
        }
        let headers = response.headers.map { (name: $0.name, value: $0.value) }
        return HTTPResponseValue(status: UInt16(clamping: response.status.code), headers: headers, body: body)
    }

    /// What a client error means for the actor: cancellation stays cancellation (the
    /// caller is stopping), the client's deadline is the timeout, the rest a transport failure.
    private func failure(_ error: Error, url: String) -> Error {
        if error is CancellationError { return error }
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded { return SendHTTPError.timedOut(limitMs: config.effectiveTimeoutMs) }
            if error == .cancelled { return CancellationError() }
        }
        return SendHTTPError.transport(url: url, problem: "\(error)")
    }
}
