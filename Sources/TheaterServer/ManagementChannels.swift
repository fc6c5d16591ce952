import Foundation
import Theater

/// The channels one connection's client opened to actors (`OpenChannel`, `SendOnChannel`,
/// `CloseChannel`). The connection is an `ExternalChannelParticipant` of the runtime: the
/// actor's end is an ordinary channel, its `handle-channel-*` calls recorded as for a channel
/// from another actor.
///
/// What the actor sends is streamed to the client as `ChannelMessage` (and `ChannelClosed`
/// when the actor closes the channel or ends) by one task, in the order sent. A channel's
/// traffic is held back until its `ChannelOpened` response has been written, so the client
/// never hears of a channel before it is open. A client that reads nothing cannot grow the
/// server's memory without bound: past `capacity` queued messages, its channel that the
/// message was on is closed (the actor is told) and the client gets `ChannelClosed`.
/// When the connection ends, its channels still open are closed.
final class ManagementChannels: @unchecked Sendable {
    /// A queued notice for the client, or a marker whose continuation resumes once every
    /// notice before it is written.
    private enum Notice: @unchecked Sendable {
        case message(channelID: String, senderID: String, bytes: [UInt8])
        case closed(channelID: String)
        case barrier(CheckedContinuation<Void, Never>)
    }

    private let runtime: TheaterRuntime
    private let capacity: Int
    private let lock = NSLock()
    /// Every channel of this client still open, with the actor at its other end.
    private var open: [String: String] = [:]
    /// Channels whose `ChannelOpened` is written; the traffic of the others is held back.
    private var announced: Set<String> = []
    private var held: [String: [Notice]] = [:]
    /// Channels that were open and are closed now (to tell `ChannelClosed` from `ChannelNotFound`).
    private var closed: Set<String> = []
    /// Notices in the stream the writing task has not taken yet.
    private var queued = 0
    private let notices: AsyncStream<Notice>
    private let stream: AsyncStream<Notice>.Continuation
    private var task: Task<Void, Never>?
    /// This connection as a channel end.
    private var participant: ExternalChannelParticipant!

    /// How many channel notices a connection queues before closing the channel that overflows.
    static let defaultCapacity = 1024

    /// Channels of a connection whose streamed responses go to `writer`.
    init(runtime: TheaterRuntime, writer: ResponseWriter, capacity: Int = defaultCapacity) {
        self.runtime = runtime
        self.capacity = capacity
        (notices, stream) = AsyncStream<Notice>.makeStream()
        participant = ExternalChannelParticipant(
            onMessage: { [weak self] channel, sender, bytes in
                self?.arrived(.message(channelID: channel, senderID: sender, bytes: bytes))
            },
            onClose: { [weak self] channel in self?.arrived(.closed(channelID: channel)) })
        let notices = self.notices
        task = Task { [weak self] in
            for await notice in notices {
                self?.taken()
                if case .barrier(let passed) = notice {
                    passed.resume()
                    continue
                }
                do {
                    try await writer.send(Self.response(notice))
                } catch {
                    break  // the connection is gone
                }
            }
            // Nothing more is written: let every waiting barrier go.
            for await notice in notices { if case .barrier(let passed) = notice { passed.resume() } }
        }
    }

    /// The response to `OpenChannel` (written by the caller before this returns) and what
    /// follows it: the actor's first message back, if any, streamed after it.
    func openChannel(to target: ChannelParticipant, initialMessage: [UInt8], writer: ResponseWriter) async throws {
        guard case .actor(let actorID) = target else {
            try await writer.send(.error(.invalidRequest(
                "OpenChannel needs {\"Actor\": \"<actor id>\"}: a client can open channels to actors only "
                + "(\"External\" names the client's own side, so there is nobody to open it to)")))
            return
        }
        switch await runtime.openChannel(from: participant, to: actorID, initialMessage) {
        case .failure(let error):
            try await writer.send(.error(Self.error(for: error, actorID: actorID)))
        case .success(let (channelID, firstMessage)):
            lock.withLock {
                // The actor may have closed it already (its notice is held back).
                let closedAlready = held[channelID]?.contains { if case .closed = $0 { true } else { false } } ?? false
                if closedAlready { closed.insert(channelID) } else { open[channelID] = actorID }
            }
            try await writer.send(.channelOpened(channelID: channelID, actorID: .actor(actorID)))
            lock.withLock {
                announced.insert(channelID)
                if let firstMessage { enqueue(.message(channelID: channelID, senderID: actorID, bytes: firstMessage)) }
                for notice in held.removeValue(forKey: channelID) ?? [] { enqueue(notice) }
            }
        }
    }

    /// The response to `SendOnChannel`.
    func send(on channelID: String, _ message: [UInt8]) -> ManagementResponse {
        guard let error = runtime.sendOnChannel(channelID, from: participant, message) else {
            return .messageSent(channelID: channelID)
        }
        return .error(unknownOrClosed(channelID, error))
    }

    /// The response to `CloseChannel`, once everything the actor sent before is written (so
    /// the client sees the channel's last messages before its close).
    func close(_ channelID: String) async -> ManagementResponse {
        if let error = runtime.closeChannel(channelID, from: participant) {
            return .error(unknownOrClosed(channelID, error))
        }
        lock.withLock { forget(channelID) }
        await withCheckedContinuation { passed in
            lock.withLock { enqueue(.barrier(passed)) }
        }
        return .channelClosed(channelID: channelID)
    }

    /// Closes every channel still open (the connection ended) and stops streaming.
    func closeAll() {
        let channels: [String] = lock.withLock { Array(open.keys) }
        for channel in channels { _ = runtime.closeChannel(channel, from: participant) }
        stream.finish()
        task?.cancel()
    }

    // MARK: Streaming

    /// A notice from the runtime (on the actor's task): queued, or held back while the
    /// channel's `ChannelOpened` is not written yet.
    private func arrived(_ notice: Notice) {
        var overflowed: String?
        lock.withLock {
            let channelID: String
            switch notice {
            case .message(let channel, _, _): channelID = channel
            case .closed(let channel):
                channelID = channel
                forget(channel)
            case .barrier: return
            }
            if case .message = notice, queued >= capacity {
                // The client is not reading: close this channel rather than queue more.
                overflowed = channelID
                return
            }
            if announced.contains(channelID) { enqueue(notice) } else { held[channelID, default: []].append(notice) }
        }
        if let overflowed, runtime.closeChannel(overflowed, from: participant) == nil {
            lock.withLock {
                forget(overflowed)
                enqueue(.closed(channelID: overflowed))
            }
        }
    }

    /// The writing task took a notice from the stream.
    private func taken() {
        lock.withLock { queued -= 1 }
    }

    /// Puts `notice` in the stream (under the lock). `closed` notices are never refused:
    /// there is at most one per channel.
    private func enqueue(_ notice: Notice) {
        queued += 1
        stream.yield(notice)
    }

    /// Marks channel `channelID` closed (under the lock).
    private func forget(_ channelID: String) {
        if open.removeValue(forKey: channelID) != nil { closed.insert(channelID) }
    }

    private func unknownOrClosed(_ channelID: String, _ error: MessageError) -> ManagementError {
        switch error {
        case .notSupported:
            return lock.withLock { closed.contains(channelID) } ? .channelClosed : .channelNotFound
        default:
            let actorID = lock.withLock { open[channelID] } ?? ""
            return Self.error(for: error, actorID: actorID)
        }
    }

    private static func error(for error: MessageError, actorID: String) -> ManagementError {
        switch error {
        case .channelRejected: return .channelRejected
        case .unknownActor: return .actorNotFound
        case .actorStopped: return .actorNotRunning
        default: return .actorError(error.description)
        }
    }

    private static func response(_ notice: Notice) -> ManagementResponse {
        switch notice {
        case .message(let channelID, let senderID, let bytes):
            return .channelMessage(channelID: channelID, senderID: .actor(senderID), message: bytes)
        case .closed(let channelID):
            return .channelClosed(channelID: channelID)
        case .barrier:
            preconditionFailure("a barrier is not written")
        }
    }
}
