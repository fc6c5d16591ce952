import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A running Hummingbird server for one `HTTPFrameworkServer`: HTTP/1.1 with WebSocket
/// upgrade, wrapped in TLS when the server has a certificate, at most `max_connections`
/// connections at once, every request going to one catch-all responder
/// (`HTTPRequestDispatcher`).
final class HTTPServerRunner: @unchecked Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// How long a stop waits for open requests to finish before it cuts them off.
    static let gracefulStop: Duration = .seconds(2)

    private init(group: ServiceGroup, task: Task<Void, Never>) {
        self.group = group
        self.task = task
    }

    /// Binds `server`'s address and starts serving; returns the runner and the bound port.
    static func start(_ server: HTTPFrameworkServer) async throws(HostFunctionError) -> (HTTPServerRunner, UInt16) {
        let logger = Logger(label: "theater.http-framework") { _ in SwiftLogNoOpLogHandler() }
        let dispatcher = HTTPRequestDispatcher(server: server)
        let limits = server.limits
        let headerLimit = max(80 * 1024, limits.maxHeaderBytes * 2)
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .seconds(60),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: headerLimit, maxHeaderListSize: headerLimit))
        var builder = HTTPServerBuilder.http1WebSocketUpgrade(
            configuration: .init(http1: http1, ws: .init(maxFrameSize: min(limits.maxWebSocketMessageBytes, 1 << 24)))
        ) { head, _, _ in
            await dispatcher.upgrade(head)
        }
        if let tls = server.tls {
            do {
                builder = try .tls(builder, tlsConfiguration: tls)
            } catch {
                throw HostFunctionError("server \(server.id): TLS could not be set up: \(error)")
            }
        }
        let started = StartSignal()
        let service: any Service
        do {
            service = try builder.buildServer(
                configuration: ServerConfiguration(
                    address: .hostname(server.host, port: Int(server.requestedPort)),
                    availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
                responder: { request, writer, channel in
                    try await dispatcher.respond(to: request, writer: writer)
                },
                onServerRunning: { channel in started.answer(.success(UInt16(channel.localAddress?.port ?? 0))) })
        } catch {
            throw HostFunctionError("server \(server.id) could not be set up: \(error)")
        }
        let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            do {
                try await group.run()
                started.answer(.failure(HostFunctionError("server \(server.id) stopped before it started")))
            } catch {
                started.answer(.failure(HostFunctionError(
                    "server \(server.id) could not listen on \(server.host):\(server.requestedPort): \(error)")))
            }
        }
        let port = try await started.wait().get()
        return (HTTPServerRunner(group: group, task: task), port)
    }

    /// Stops accepting, lets open requests finish for up to `gracefulStop`, then cuts off
    /// what is left; returns when the port is closed.
    func stop() async {
        await group.triggerGracefulShutdown()
        let finished = Task { [task] in await task.value }
        let deadline = Task { [task] in
            try? await Task.sleep(for: Self.gracefulStop)
            task.cancel()
        }
        await finished.value
        deadline.cancel()
    }
}

/// The first outcome of a server start: bound (the port) or failed.
private final class StartSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: Result<UInt16, HostFunctionError>?
    private var waiter: CheckedContinuation<Result<UInt16, HostFunctionError>, Never>?

    func answer(_ result: Result<UInt16, HostFunctionError>) {
        lock.lock()
        guard outcome == nil else {
            lock.unlock()
            return
        }
        outcome = result
        let waiting = waiter
        waiter = nil
        lock.unlock()
        waiting?.resume(returning: result)
    }

    func wait() async -> Result<UInt16, HostFunctionError> {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(returning: outcome)
                return
            }
            waiter = continuation
            lock.unlock()
        }
    }
}
