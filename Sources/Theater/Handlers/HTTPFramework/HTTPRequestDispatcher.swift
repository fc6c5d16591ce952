import ComponentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import NIOCore

/// The one responder of an actor's server: applies the handler's limits, runs the
/// middlewares under the request's path, then the matching route's `handle-request`.
///
/// Answers the host gives itself, each with a short plain-text body:
/// - 431 when the header section is larger than `max_header_bytes`;
/// - 413 when the body is larger than `max_body_bytes` (the actor is not called);
/// - 403 when a middleware answers `proceed: false`;
/// - 404 when no route matches the path, 405 (with `Allow`) when routes match it but not
///   for this method;
/// - 503 when the actor's mailbox is full (at once) or the actor has not answered within
///   `request_timeout_ms` (its late answer is dropped);
/// - 500 when the actor returns an error, traps, has stopped, or answers a response that
///   cannot be sent (a status outside 100...999, an invalid header).
struct HTTPRequestDispatcher: Sendable {
    let server: HTTPFrameworkServer

    /// Answers one request.
    func respond(to request: Request, writer: consuming ResponseWriter) async throws {
        let response = await answer(request)
        try await writer.write(response: response.head, body: response.body)
    }

    private func answer(_ request: Request) async -> Response {
        let limits = server.limits
        let head = request.head
        let headerBytes = head.headerFields.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        guard headerBytes <= limits.maxHeaderBytes else {
            return Self.plain(431, "request headers of \(headerBytes) bytes exceed the limit of \(limits.maxHeaderBytes) bytes")
        }
        if let declared = head.headerFields[.contentLength].flatMap(Int.init), declared > limits.maxBodyBytes {
            return Self.plain(413, "request body of \(declared) bytes exceeds the limit of \(limits.maxBodyBytes) bytes", close: true)
        }
        var body: [UInt8] = []
        do {
            for try await chunk in request.body {
                guard body.count + chunk.readableBytes <= limits.maxBodyBytes else {
                    return Self.plain(413, "request body exceeds the limit of \(limits.maxBodyBytes) bytes", close: true)
                }
                body += chunk.readableBytesView
            }
        } catch {
            return Self.plain(400, "the request body could not be read", close: true)
        }
        var value = HTTPRequestValue(
            method: head.method.rawValue, uri: head.path ?? "/",
            headers: head.headerFields.map { (name: $0.name.rawName, value: $0.value) },
            body: body.isEmpty && head.headerFields[.contentLength] == nil ? nil : body)
        let routes = server.routes
        for middleware in routes.middlewares(for: Self.path(of: value.uri)) {
            switch await server.actor.call(.handleMiddleware, [.u64(middleware.handler), value.componentValue]) {
            case .returned(let result):
                guard case .record(let fields)? = result,
                      case .bool(let proceed)? = fields.first(where: { $0.label == "proceed" })?.value,
                      let rewritten = fields.first(where: { $0.label == "request" }).flatMap({ try? HTTPRequestValue($0.value) })
                else { return Self.plain(500, "middleware \(middleware.id) returned no middleware-result") }
                guard proceed else { return Self.plain(403, "refused by middleware \(middleware.id)") }
                value = rewritten
            case let other:
                return Self.failure(other)
            }
        }
        switch routes.match(method: value.method, path: Self.path(of: value.uri)) {
        case .notFound:
            return Self.plain(404, "no route for \(Self.path(of: value.uri))")
        case .methodNotAllowed(let methods):
            var response = Self.plain(405, "\(value.method) is not allowed here")
            if let allow = HTTPField.Name("Allow") { response.headers[allow] = methods.joined(separator: ", ") }
            return response
        case .route(let route):
            switch await server.actor.call(.handleHTTPRequest, [.u64(route.handler), value.componentValue]) {
            case .returned(let result):
                guard let result, let response = try? HTTPResponseValue(result) else {
                    return Self.plain(500, "the actor returned no http-response")
                }
                return Self.response(response)
            case let other:
                return Self.failure(other)
            }
        }
    }

    /// Decides whether a request upgrades to a WebSocket (its path has an endpoint).
    func upgrade(_ head: HTTPRequest) async -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        let path = Self.path(of: head.path ?? "/")
        guard let endpoint = server.routes.webSocket(for: path),
              let connection = server.openConnection(endpoint) else { return .dontUpgrade }
        let requested = head.headerFields[.secWebSocketProtocol]?
            .split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        var headers = HTTPFields()
        if let requested { headers[.secWebSocketProtocol] = requested }
        let session = WebSocketSession(server: server, connection: connection, path: String(path), protocol: requested)
        return .upgrade(headers, { inbound, outbound, _ in
            await session.run(inbound: inbound, outbound: outbound)
        })
    }

    /// The path of a request target (without its query).
    static func path(of uri: String) -> Substring {
        uri[..<(uri.firstIndex { $0 == "?" || $0 == "#" } ?? uri.endIndex)]
    }

    private static func failure(_ outcome: ActorExportCall.Outcome) -> Response {
        switch outcome {
        case .busy: return plain(503, "the actor is busy (its mailbox is full); try again later")
        case .timedOut: return plain(503, "the actor did not answer in time")
        case .failed: return plain(500, "the actor failed to handle the request")
        case .returned: return plain(500, "unexpected result")
        }
    }

    /// The actor's response, or 500 when it cannot be sent.
    private static func response(_ value: HTTPResponseValue) -> Response {
        guard (100...999).contains(value.status) else {
            return plain(500, "the actor answered status \(value.status), which is not an HTTP status")
        }
        var fields = HTTPFields()
        for (name, text) in value.headers {
            guard let fieldName = HTTPField.Name(name), HTTPField.isValidValue(text) else {
                return plain(500, "the actor answered an invalid header \(name.debugDescription)")
            }
            fields.append(HTTPField(name: fieldName, value: text))
        }
        let body = value.body.map { ResponseBody(byteBuffer: ByteBuffer(bytes: $0)) } ?? ResponseBody()
        return Response(status: .init(code: Int(value.status)), headers: fields, body: body)
    }

    private static func plain(_ status: Int, _ message: String, close: Bool = false) -> Response {
        var fields: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        if close { fields[.connection] = "close" }
        return Response(status: .init(code: status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
