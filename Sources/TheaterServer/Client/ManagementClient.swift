import Foundation
import NIOCore
import NIOPosix
import Theater

/// A client of the management protocol (MANAGEMENT.md) over one TCP connection, as the
/// `theater` client commands use it.
///
/// `call` sends a command and returns its response. Responses that are not answers to a
/// command (`ActorEvent` and `ActorResult` frames of the connection's subscriptions, and
/// `ChannelMessage` / `ChannelClosed` of its channels) may arrive before a command's answer:
/// `call` sets them aside, and `nextStreamed` hands them out in order, followed by whatever
/// streams in later.
///
/// One command at a time: the client is an actor, and the server answers a connection's
/// commands in order.
public actor ManagementClient {
    /// The server's address.
    public let address: ServerAddress
    /// How long a command waits for its response (nil: no limit).
    public let timeout: Double?

    private let channel: Channel
    private let inbox: ResponseInbox
    private var codec = FrameCodec()
    private var streamed: [ManagementResponse] = []

    private init(address: ServerAddress, timeout: Double?, channel: Channel, inbox: ResponseInbox) {
        self.address = address
        self.timeout = timeout
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects to `address`. `timeout` (seconds) bounds the connection and each
    /// command's wait for its response. Throws `ManagementClientError.cannotConnect` with a
    /// message telling the user how to start a server.
    public static func connect(to address: ServerAddress, timeout: Double? = ClientSettings.defaultTimeout,
                               group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> ManagementClient {
        let inbox = ResponseInbox()
        let connectLimit = TimeAmount.milliseconds(Int64(min(timeout ?? 10, 10) * 1000))
        let channel: Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(connectLimit)
                .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ResponseDecoder(inbox: inbox, address: address))
                    }
                }
                .connect(host: address.host, port: address.port)
                .get()
        } catch {
            throw ManagementClientError.cannotConnect(address: address, reason: Self.reason(error))
        }
        return ManagementClient(address: address, timeout: timeout, channel: channel, inbox: inbox)
    }

    /// Sends `command` without waiting for anything, not even for the bytes to leave: the
    /// event loop writes them in order, and a connection that broke shows in the next
    /// `receive` (waiting for each write would cost a thread hop per command).
    public func send(_ command: ManagementCommand) async throws {
        guard channel.isActive else { throw ManagementClientError.connectionClosed(address: address) }
        let frames = codec.encode(command.encoded())
        for (index, frame) in frames.enumerated() {
            let buffer = channel.allocator.buffer(bytes: frame)
            if index == frames.count - 1 {
                channel.writeAndFlush(buffer, promise: nil)
            } else {
                channel.write(buffer, promise: nil)
            }
        }
    }

    /// Sends `command` and returns its response (an `Error` response is returned, not
    /// thrown). Streamed frames that come first are kept for `nextStreamed`.
    public func call(_ command: ManagementCommand) async throws -> ManagementResponse {
        try await send(command)
        return try await receive(answering: command)
    }

    /// The answer to the oldest command sent with `send` and not yet answered: with `send`,
    /// a client may keep several commands in flight (the server answers them in order).
    /// `command`, when given, is the command answered (it tells a `ChannelClosed` answer
    /// from one the server streams).
    public func receive(answering command: ManagementCommand? = nil) async throws -> ManagementResponse {
        while true {
            let response = try await inbox.next(within: timeout, timeout: .timedOut(address: address, seconds: timeout ?? 0))
            if Self.isStreamed(response, answering: command) {
                streamed.append(response)
            } else {
                return response
            }
        }
    }

    /// The next streamed frame (`ActorEvent`, `ActorResult`) of this connection's
    /// subscriptions, waiting as long as it takes. Throws when the connection ends.
    public func nextStreamed() async throws -> ManagementResponse {
        if !streamed.isEmpty { return streamed.removeFirst() }
        while true {
            let response = try await inbox.next(within: nil, timeout: .timedOut(address: address, seconds: 0))
            if Self.isStreamed(response) { return response }
            // An answer nobody asked for (cannot happen with one command at a time): skip it.
        }
    }

    /// The next frame of any kind: the frames `call` set aside first, then whatever comes.
    /// For a client that sends with `send` and reads answers and streamed frames in one
    /// loop (`theater channel open`). Throws when the connection ends.
    public func next() async throws -> ManagementResponse {
        if !streamed.isEmpty { return streamed.removeFirst() }
        return try await inbox.next(within: nil, timeout: .timedOut(address: address, seconds: 0))
    }

    /// Closes the connection.
    public func close() async {
        try? await channel.close()
    }

    /// Frames the server sends on its own, not as the answer to a command. `ChannelClosed`
    /// is both: the answer to `CloseChannel` of the same channel, else the actor closed it.
    static func isStreamed(_ response: ManagementResponse, answering command: ManagementCommand? = nil) -> Bool {
        switch response {
        case .actorEvent, .actorResult, .channelMessage: return true
        case .channelClosed(let channelID):
            if case .closeChannel(let closing)? = command, closing == channelID { return false }
            return true
        default: return false
        }
    }

    /// The short reason of a connection failure ("connection refused").
    private static func reason(_ error: Error) -> String {
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return reason(first.error)
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if error is ChannelError { return "\(error)" }
        return "\(error)"
    }
}
