import Hummingbird
import NIOCore
import Synchronization
import Theater

/// `theater server --metrics`: an HTTP server (Hummingbird) that answers `GET /metrics`
/// with a `RuntimeMetricsCollector`'s scrape in the Prometheus text format (version
/// 0.0.4); any other path is 404. It runs in its own task until `close()`.
public final class MetricsEndpoint: Sendable {
    /// The address actually bound (the real port when asked for port 0).
    public let boundAddress: ServerAddress
    private let task: Task<Void, Never>

    /// The content type of the Prometheus text format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private init(boundAddress: ServerAddress, task: Task<Void, Never>) {
        self.boundAddress = boundAddress
        self.task = task
    }

    /// Starts serving `collector` on `address` (port 0 picks a free port; see
    /// `boundAddress`). Returns once the socket listens; throws `MetricsEndpointError`
    /// when it cannot.
    public static func start(address: ServerAddress, collector: RuntimeMetricsCollector) async throws -> MetricsEndpoint {
        let router = Router()
        // Hummingbird's request figures go to swift-metrics (the Prometheus factory when the
        // process bootstrapped one; nowhere otherwise).
        router.add(middleware: MetricsMiddleware())
        router.get("metrics") { _, _ -> Response in
            let body = collector.scrape()
            return Response(status: .ok, headers: [.contentType: contentType],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        let (started, startedSink) = AsyncStream<Result<Int, MetricsEndpointError>>.makeStream()
        var app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port),
                                                    serverName: nil),
            onServerRunning: { channel in
                startedSink.yield(.success(channel.localAddress?.port ?? address.port))
            })
        // The server's own log lines ("started", per-request notes) would mix into the CLI's
        // output; failures reach the caller as errors instead.
        app.logger.logLevel = .critical
        let task = Task {
            do {
                try await app.run()
                startedSink.yield(.failure(MetricsEndpointError(address: address, reason: "the server stopped")))
            } catch {
                startedSink.yield(.failure(MetricsEndpointError(address: address, reason: "\(error)")))
            }
            startedSink.finish()
        }
        for await outcome in started {
            switch outcome {
            case .success(let port):
                return MetricsEndpoint(boundAddress: ServerAddress(host: address.host, port: port), task: task)
            case .failure(let error):
                throw error
            }
        }
        throw MetricsEndpointError(address: address, reason: "the server stopped before it listened")
    }

    /// Stops serving; returns once the listening socket is closed.
    public func close() async {
        task.cancel()
        await task.value
    }
}

/// The metrics endpoint could not listen on its address.
public struct MetricsEndpointError: Error, Sendable, CustomStringConvertible {
    /// The address asked for.
    public let address: ServerAddress
    /// What went wrong.
    public let reason: String
    public var description: String { "cannot serve metrics on \(address): \(reason)" }
}
