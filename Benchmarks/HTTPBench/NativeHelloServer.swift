import Foundation
import Hummingbird
import Logging
import NIOCore

/// GET /hello served by a plain Hummingbird 2 handler in this process: the ceiling for the
/// actor, the same framework with no actor in between.
final class NativeHelloServer: Sendable {
    /// The route's URL.
    let url: String
    private let task: Task<Void, any Error>

    private init(url: String, task: Task<Void, any Error>) {
        self.url = url
        self.task = task
    }

    /// Starts the server on a free loopback port; returns once it listens.
    static func start() async throws -> NativeHelloServer {
        let router = Router()
        router.get("/hello") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain"],
                     body: .init(byteBuffer: ByteBuffer(string: "hello\n")))
        }
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: Logger(label: "theater-http-bench.native", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await app.run() }
        var port = 0
        for await bound in ports { port = bound }
        guard port > 0 else { HTTPBenchOptions.fail("the native Hummingbird server did not start") }
        return NativeHelloServer(url: "http://127.0.0.1:\(port)/hello", task: task)
    }

    /// Stops the server.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
