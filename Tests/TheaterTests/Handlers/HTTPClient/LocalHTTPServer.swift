import Foundation
import Hummingbird
import Logging
import NIOCore

/// A real HTTP server for the http-client tests, on 127.0.0.1 at a free port, with the
/// routes the tests need. It counts the requests it receives, so a test can show that a
/// refused request never reached it.
///
/// Routes:
/// - `/ok`: 200, body `hello`, two `Cache-Control` headers (`no-cache`, then `no-store`);
/// - `/redirect?to=URL&status=302`: a redirect to `URL` with that status;
/// - `/slow`: answers `late` after 60 s, or as soon as the server stops (so that a
///   test's bound on how long a cut-short request took can be loose and still mean something);
/// - `/huge`: 64 KiB with a Content-Length; `/huge-chunked`: 64 KiB in chunks, no length;
/// - `/headers`: the request's Host, then its other headers, one `name: value` line each,
///   lowercased names;
/// - `/method`: the request's method and the length of its body, e.g. `POST 4`.
final class LocalHTTPServer: @unchecked Sendable {
    /// The port it listens on.
    let port: Int
    private let task: Task<Void, Error>
    private let counter: HitCounter

    /// `http://localhost:<port>`.
    var localhostURL: String { "http://localhost:\(port)" }
    /// `http://127.0.0.1:<port>`.
    var addressURL: String { "http://127.0.0.1:\(port)" }
    /// How many requests it has received.
    var hits: Int { counter.count }

    /// Starts a server and waits until it listens.
    static func start() async throws -> LocalHTTPServer {
        let counter = HitCounter()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let router = Self.router(counter)
        // Cancelling the server in `stop` is the expected way out; it need not log errors.
        var logger = Logger(label: "theater-test-http-server")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw ServerStartFailure()
        }
        return LocalHTTPServer(port: port, task: task, counter: counter)
    }

    private init(port: Int, task: Task<Void, Error>, counter: HitCounter) {
        self.port = port
        self.task = task
        self.counter = counter
    }

    /// Stops the server and waits until it has closed.
    func stop() async {
        counter.stop()
        task.cancel()
        _ = try? await task.value
    }

    private static func router(_ counter: HitCounter) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("ok") { _, _ -> Response in
            counter.hit()
            var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "hello")))
            response.headers[values: .cacheControl] = ["no-cache", "no-store"]
            return response
        }
        router.on("redirect", method: .get) { request, _ -> Response in try redirect(request, counter) }
        router.on("redirect", method: .post) { request, _ -> Response in try redirect(request, counter) }
        router.get("slow") { _, _ -> String in
            counter.hit()
            for _ in 0..<1200 where !counter.isStopped {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            return "late"
        }
        router.get("huge") { _, _ -> Response in
            counter.hit()
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 65536)))
        }
        router.get("huge-chunked") { _, _ -> Response in
            counter.hit()
            return Response(status: .ok, body: ResponseBody { writer in
                for _ in 0..<64 { try await writer.write(ByteBuffer(repeating: UInt8(ascii: "x"), count: 1024)) }
                try await writer.finish(nil)
            })
        }
        router.get("headers") { request, _ -> String in
            counter.hit()
            // HTTP/1's Host header arrives as the request's authority, not among its fields.
            let host = "host: \(request.head.authority ?? "-")\n"
            return host + request.headers.map { "\($0.name.canonicalName): \($0.value)\n" }.joined()
        }
        for method: HTTPRequest.Method in [.get, .post] {
            router.on("method", method: method) { request, _ -> String in
                counter.hit()
                let body = try await request.body.collect(upTo: 1 << 20)
                return "\(request.method.rawValue) \(body.readableBytes)"
            }
        }
        return router
    }

    private static func redirect(_ request: Request, _ counter: HitCounter) throws -> Response {
        counter.hit()
        let target = request.uri.queryParameters.get("to") ?? "/ok"
        let status = request.uri.queryParameters.get("status").flatMap(Int.init) ?? 302
        var response = Response(status: .init(code: status))
        response.headers[.location] = target
        return response
    }

    private struct ServerStartFailure: Error {}
}

/// A thread-safe request counter, which also tells slow routes that the server is stopping.
final class HitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var hits = 0
    private var stopped = false

    func hit() { lock.withLock { hits += 1 } }
    var count: Int { lock.withLock { hits } }
    func stop() { lock.withLock { stopped = true } }
    var isStopped: Bool { lock.withLock { stopped } }
}
