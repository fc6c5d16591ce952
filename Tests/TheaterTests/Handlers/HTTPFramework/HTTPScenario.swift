import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing
@testable import Theater

/// A runtime with one `HTTPTestActor` granted `http-framework` (and `timing` for its slow
/// answers), the calls the tests make through it, and an HTTP client for its servers.
final class HTTPScenario {
    let scenario: RuntimeScenario
    let actor: ActorRuntime
    let client = HTTPClient(eventLoopGroupProvider: .singleton)

    /// Starts the actor with `http-framework` settings `settings` (TOML lines);
    /// `prepare` runs on the folder first.
    /// `limits` are extra lines of the manifest (a `[limits]` table).
    init(_ settings: String = "", limits: String = "", prepare: (URL) throws -> Void = { _ in }) async throws {
        scenario = try RuntimeScenario()
        try prepare(scenario.directory)
        actor = try await scenario.start("web", component: try HTTPTestActor.component.encoded(),
                                         handlers: ["type = \"http-framework\"\n" + settings, "type = \"timing\""],
                                         extra: limits)
    }

    /// Sends `request` to the actor and decodes its answer.
    func call(_ request: HTTPTestRequest) async throws -> Result<[UInt8], HTTPCallError> {
        HTTPTestRequest.decode(try await scenario.request(actor, request.bytes))
    }

    private func id(_ request: HTTPTestRequest) async throws -> Result<UInt64, HTTPCallError> {
        try await call(request).map { $0.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
    }

    /// `create-server`.
    func createServer(port: UInt16? = nil, host: String? = nil, tls: (cert: String, key: String)? = nil) async throws -> Result<UInt64, HTTPCallError> {
        var request = HTTPTestRequest("C").flag(0, port == nil ? 0 : 1).value(0, UInt64(port ?? 0))
        if let host { request = request.flag(1, 1).string(0, host) }
        if let tls { request = request.flag(2, 1).string(1, tls.cert).string(2, tls.key) }
        return try await id(request)
    }

    /// `start-server`: the bound port.
    func start(_ server: UInt64) async throws -> Result<UInt16, HTTPCallError> {
        try await call(HTTPTestRequest("S").value(0, server)).map { UInt16($0[0]) | UInt16($0[1]) << 8 }
    }

    /// `get-server-info`.
    func info(_ server: UInt64) async throws -> Result<HTTPServerInfo, HTTPCallError> {
        try await call(HTTPTestRequest("I").value(0, server)).map(HTTPServerInfo.init)
    }

    /// `register-handler`.
    func handler(_ name: String) async throws -> UInt64 { try await id(HTTPTestRequest("H").string(0, name)).get() }

    /// `add-route`.
    func route(_ server: UInt64, _ path: String, _ method: String, _ handler: UInt64) async throws -> Result<UInt64, HTTPCallError> {
        try await id(HTTPTestRequest("R").value(0, server).string(0, path).string(1, method).value(1, handler))
    }

    /// `add-middleware`.
    func middleware(_ server: UInt64, _ path: String, _ handler: UInt64) async throws -> Result<UInt64, HTTPCallError> {
        try await id(HTTPTestRequest("M").value(0, server).string(0, path).value(1, handler))
    }

    /// `enable-websocket` with a connect, message and disconnect handler.
    func enableWebSocket(_ server: UInt64, _ path: String, connect: UInt64?, message: UInt64, disconnect: UInt64?) async throws -> Result<[UInt8], HTTPCallError> {
        try await call(HTTPTestRequest("W").value(0, server).string(0, path).flag(0, connect == nil ? 0 : 1)
            .value(1, connect ?? 0).value(2, message).flag(1, disconnect == nil ? 0 : 1).value(3, disconnect ?? 0))
    }

    /// `send-websocket-message` of a text message.
    func sendText(_ server: UInt64, _ connection: UInt64, _ text: String) async throws -> Result<[UInt8], HTTPCallError> {
        try await call(HTTPTestRequest("X").value(0, server).value(1, connection).flag(0, 0).flag(2, 1).string(2, text))
    }

    /// A server with one handler on `GET /hello` and `* /items/:id`, started: (server id, port).
    func startedServer() async throws -> (server: UInt64, port: UInt16) {
        let server = try await createServer().get()
        let handler = try await handler("main")
        _ = try await route(server, "/hello", "GET", handler).get()
        _ = try await route(server, "/items/:id", "*", handler).get()
        return (server, try await start(server).get())
    }

    /// What the actor's state holds (the WebSocket log).
    func state() async throws -> [UInt8] { try await scenario.request(actor, HTTPTestRequest("O").bytes) }

    /// Sends a request to the actor's server on `port`: status, body and headers.
    func send(_ method: HTTPMethod = .GET, port: UInt16, _ path: String, body: String? = nil, scheme: String = "http",
              headers: [(String, String)] = [], client: HTTPClient? = nil) async throws -> (status: UInt, body: String, headers: HTTPHeaders) {
        var request = HTTPClientRequest(url: "\(scheme)://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await (client ?? self.client).execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        return (response.status.code, String(buffer: bytes), response.headers)
    }

    /// Shuts the client and the runtime down and checks the chain replays identically
    /// (the replay binds no port: its host calls are answered from the chain).
    func finish(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await client.shutdown()
        try await scenario.shutdownAndReplay(expectedChains: 1, sourceLocation: sourceLocation)
    }
}
