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

    /// Serves the connection until the client closes it or the framing is lost.
    func run() async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                let writer = ResponseWriter(outbound: outbound)
                let subscriptions = ManagementSubscriptions(writer: writer, capacity: subscriptionCapacity)
                let channels = ManagementChannels(runtime: service.runtime, writer: writer)
                defer {
                    subscriptions.cancelAll()
                    channels.closeAll()
                }
                var reader = ManagementMessageReader()
                for try await buffer in inbound {
                    reader.append(buffer.readableBytesView)
                    while true {
                        let item: ManagementMessageReader.Item?
                        do {
                            item = try reader.next(now: .now)
                        } catch {
                            try? await writer.send(.error(.serializationError("\(error)")))
                            return
                        }
                        guard let item else { break }
                        let response: ManagementResponse?
                        switch item {
                        case .badFrame(let problem):
                            response = .error(.serializationError(problem))
                        case .message(let bytes):
                            response = try await respond(to: bytes, subscriptions: subscriptions, channels: channels,
                                                         writer: writer)
                        }
                        if let response { try await writer.send(response) }
                    }
                }
            }
        } catch {
            // The client went away (reset, closed mid-write): nothing to answer.
        }
    }

    /// The response to one message's bytes; nil when it was written already (a response
    /// that starts a subscription goes out before the subscription's first event).
    private func respond(to bytes: [UInt8], subscriptions: ManagementSubscriptions, channels: ManagementChannels,
                         writer: ResponseWriter) async throws -> ManagementResponse? {
        let command: ManagementCommand
        do {
            command = try ManagementCommand.decode(bytes)
        } catch let error as ManagementDecodeError {
            switch error.kind {
            case .malformedJSON, .tooDeep: return .error(.serializationError(error.description))
            default: return .error(.invalidRequest(error.description))
            }
        } catch {
            return .error(.serializationError("\(error)"))
        }
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
