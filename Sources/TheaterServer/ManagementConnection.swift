import Foundation
import NIOCore
import Theater

/// One client connection: reads frames, decodes commands, carries them out in order and
/// writes each response before reading the next command's result, so responses come in
/// command order. Events of its subscriptions and messages on its channels (see
/// `ManagementChannels`) are written in between as they come.
///
/// Hostile input: a frame that is not a valid frame or command gets an `Error` response and
/// the connection goes on; a length prefix over the limit loses the framing, so the
/// connection gets an `Error` and is closed. Reading is paced by the command loop (NIO
/// stops reading the socket while commands wait), so a flood of commands cannot grow memory.
struct ManagementConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let service: ManagementService
    let subscriptionCapacity: Int
    /// The server's figures this connection adds to.
    let metrics: ManagementServerMetrics

    /// Serves the connection until the client closes it or the framing is lost.
    func run() async {
        metrics.connectionOpened()
        defer { metrics.connectionClosed() }
        do {
            try await channel.executeThenClose { inbound, outbound in
                let writer = ResponseWriter(outbound: outbound)
                let subscriptions = ManagementSubscriptions(writer: writer, capacity: subscriptionCapacity, metrics: metrics)
                let channels = ManagementChannels(runtime: service.runtime, writer: writer)
                defer {
                    subscriptions.cancelAll()
                    channels.closeAll()
                }
                var reader = ManagementMessageReader()
                // Answers that need no waiting (a sent message, a bad frame) are written together
                // once the bytes read so far are used up: one write and one wake-up of the event
                // loop for a burst of commands, instead of one each. Any command that may wait
                // writes them first, so answers keep their order.
                var pending: [ManagementResponse] = []
                for try await buffer in inbound {
                    reader.append(buffer.readableBytesView)
                    while true {
                        let item: ManagementMessageReader.Item?
                        do {
                            item = try reader.next(now: .now)
                        } catch {
                            pending.append(.error(.serializationError("\(error)")))
                            try? await writer.send(contentsOf: pending)
                            return
                        }
                        guard let item else { break }
                        metrics.commandHandled()
                        switch item {
                        case .badFrame(let problem):
                            pending.append(.error(.serializationError(problem)))
                        case .message(let bytes):
                            switch Self.decode(bytes) {
                            case .failure(let failure):
                                pending.append(failure.response)
                            case .success(.sendActorMessage(let id, let data)):
                                pending.append(service.sendMessage(to: id, data))
                            case .success(let command):
                                if !pending.isEmpty {
                                    try await writer.send(contentsOf: pending)
                                    pending.removeAll(keepingCapacity: true)
                                }
                                if let response = try await respond(to: command, subscriptions: subscriptions,
                                                                    channels: channels, writer: writer) {
                                    try await writer.send(response)
                                }
                            }
                        }
                        if pending.count >= Self.pendingLimit {
                            try await writer.send(contentsOf: pending)
                            pending.removeAll(keepingCapacity: true)
                        }
                    }
                    if !pending.isEmpty {
                        try await writer.send(contentsOf: pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
            }
        } catch {
            // The client went away (reset, closed mid-write): nothing to answer.
        }
    }

    /// Answers written together at most (see `run`).
    static let pendingLimit = 256

    /// The command in a message's bytes, or the `Error` response that says what is wrong.
    static func decode(_ bytes: [UInt8]) -> Result<ManagementCommand, ManagementResponseFailure> {
        do {
            return .success(try ManagementCommand.decode(bytes))
        } catch let error as ManagementDecodeError {
            switch error.kind {
            case .malformedJSON, .tooDeep: return .failure(.init(.error(.serializationError(error.description))))
            default: return .failure(.init(.error(.invalidRequest(error.description))))
            }
        } catch {
            return .failure(.init(.error(.serializationError("\(error)"))))
        }
    }

    /// The response to `command`; nil when it was written already (a response that starts a
    /// subscription goes out before the subscription's first event).
    private func respond(to command: ManagementCommand, subscriptions: ManagementSubscriptions,
                         channels: ManagementChannels, writer: ResponseWriter) async throws -> ManagementResponse? {
        switch command {
        case .startActor(let manifest, let initialState, _, let subscribe):
            let outcome = await service.startActor(manifest: manifest, initialState: initialState)
            guard subscribe, case .started(let actor) = outcome else { return outcome.response }
            try await subscriptions.subscribe(to: actor, resultOnEnd: true) { _ in outcome.response }
            return nil
        case .subscribeToActor(let id):
            guard let actor = service.runtime.actor(id) else { return service.notRunningOrUnknown(id) }
            try await subscriptions.subscribe(to: actor, resultOnEnd: false) { .subscribed(id: id, subscriptionID: $0) }
            return nil
        case .unsubscribeFromActor(let id, let subscriptionID):
            guard subscriptions.unsubscribe(subscriptionID, actorID: id) else {
                return .error(.invalidRequest("no subscription \(subscriptionID) to actor \(id) on this connection"))
            }
            return .unsubscribed(id: id)
        case .openChannel(let target, let initialMessage):
            try await channels.openChannel(to: target, initialMessage: initialMessage, writer: writer)
            return nil
        case .sendOnChannel(let channelID, let message):
            return channels.send(on: channelID, message)
        case .closeChannel(let channelID):
            return await channels.close(channelID)
        default:
            return await service.handle(command)
        }
    }
}

/// An `Error` response as a failure value (`ManagementResponse` is not an `Error`).
struct ManagementResponseFailure: Error {
    let response: ManagementResponse
    init(_ response: ManagementResponse) { self.response = response }
}
