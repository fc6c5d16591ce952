import NIOCore
import NIOPosix
import Theater

/// `theater server`'s network side: listens on a TCP address and serves the management
/// protocol (MANAGEMENT.md) to any number of clients at once, each on its own connection
/// task (`ManagementConnection`), all acting on one `TheaterRuntime` through a
/// `ManagementService`.
public final class ManagementServer: Sendable {
    /// The address actually bound (the real port when asked for port 0).
    public let boundAddress: ServerAddress
    private let serverChannel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let service: ManagementService
    private let subscriptionCapacity: Int
    /// Its traffic figures (connections, commands, events), for the metrics endpoint.
    public let metrics: ManagementServerMetrics

    /// How many notices each subscription queues before counting events as missed.
    public static let defaultSubscriptionCapacity = 1024

    private init(serverChannel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>,
                 boundAddress: ServerAddress, service: ManagementService, subscriptionCapacity: Int,
                 metrics: ManagementServerMetrics) {
        self.serverChannel = serverChannel
        self.metrics = metrics
        self.boundAddress = boundAddress
        self.service = service
        self.subscriptionCapacity = subscriptionCapacity
    }

    /// Binds `address` (port 0 picks a free port; see `boundAddress`). Call `serve()` to
    /// accept clients. Throws `ManagementServerError` when the address cannot be bound.
    public static func bind(address: ServerAddress, service: ManagementService,
                            subscriptionCapacity: Int = defaultSubscriptionCapacity,
                            metrics: ManagementServerMetrics = ManagementServerMetrics(),
                            group: MultiThreadedEventLoopGroup = .singleton) async throws -> ManagementServer {
        let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .bind(host: address.host, port: address.port) { child in
                    child.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                    }
                }
        } catch {
            throw ManagementServerError(address: address, reason: "\(error)")
        }
        let port = channel.channel.localAddress?.port ?? address.port
        return ManagementServer(serverChannel: channel, boundAddress: ServerAddress(host: address.host, port: port),
                                service: service, subscriptionCapacity: subscriptionCapacity, metrics: metrics)
    }

    /// Accepts and serves clients until `close()`; returns once the listening socket is
    /// closed (connections still open are served to their end in their own tasks).
    public func serve() async {
        let service = self.service
        let capacity = subscriptionCapacity
        let metrics = self.metrics
        do {
            try await serverChannel.executeThenClose { clients in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await client in clients {
                        group.addTask {
                            await ManagementConnection(channel: client, service: service,
                                                       subscriptionCapacity: capacity, metrics: metrics).run()
                        }
                    }
                    group.cancelAll()
                }
            }
        } catch {
            // The listening socket failed or was closed: serving is over.
        }
    }

    /// Stops accepting clients and closes the open connections.
    public func close() async {
        try? await serverChannel.channel.close()
    }
}

/// The server could not listen on its address.
public struct ManagementServerError: Error, CustomStringConvertible {
    public let address: ServerAddress
    public let reason: String
    public var description: String { "cannot listen on \(address): \(reason)" }
}
